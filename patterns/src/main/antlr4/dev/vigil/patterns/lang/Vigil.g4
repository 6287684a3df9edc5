/*
 * The Vigil pattern language. One file holds any number of `pattern NAME { ... }` blocks; a
 * block is a list of clauses, one concept per clause, in any order. The grammar accepts a
 * little more than the language allows (a duration without a unit, `=` where `==` is meant,
 * a window that is left out) so that AstBuilder and the compiler can say precisely what
 * is wrong instead of leaving the user with "mismatched input".
 */
grammar Vigil;

file
    : (pattern | redaction)* EOF
    ;

// A secret removed from event text before anything is made of it: `redact NAME /regex/
// [replace "text"]` adds a rule (or replaces the rule of that name), `redact NAME off` drops one.
redaction
    : 'redact' name=ident regex=REGEX ('replace' text=STRING)?              # RedactRule
    | 'redact' name=ident 'off'                                              # RedactOff
    ;

pattern
    : 'pattern' name=ident '{' clause* '}'
    ;

clause
    : 'description' text=STRING                                              # DescriptionClause
    | 'match' selector                                                       # MatchClause
    | 'group' 'by' keys+=fieldRef (',' keys+=fieldRef)*                      # GroupClause
    | 'threshold' aggregate cmp=('>=' | '>') limit=INT window? ('or' reach=fieldRef '>=' reachLimit=INT)? # ThresholdClause
    | 'signature'                                                            # SignatureClause
    | 'claim'                                                                # ClaimClause
    | 'once' first=expr 'then' second=expr window?                           # OnceClause
    | 'sequence' window? '{' step+ '}'                                       # SequenceClause
    | 'join' left=fieldRef '==' right=fieldRef                               # JoinClause
    | 'absence' 'of' selector silence?                                       # AbsenceClause
    | 'graceful' 'where' expr                                                # GracefulClause
    | 'while' subject=ident state=ident                                      # WhileClause
    | 'quiet' duration (',' longer=duration 'for' 'same' key=ident)?         # QuietClause
    | 'renotify' duration                                                    # RenotifyClause
    | 'cause' 'last' lines=INT unit=ident 'from' 'same' key=fieldRef
          ('where' expr)? window?                                            # CauseClause
    | 'gather' name=ident 'where' expr window ('under' under=STRING)?        # GatherClause
    | 'link' types+=ident (',' types+=ident)* window?                        # LinkClause
    | 'link' 'any' window 'naming' pid=ident ',' comm=ident
          'note' same=STRING 'else' other=STRING                             # LinkAnyClause
    | 'type' name=ident                                                      # TypeClause
    | 'severity' level=ident                                                 # SeverityClause
    | 'subject' text=STRING                                                  # SubjectClause
    | 'summary' text=STRING                                                  # SummaryClause
    | 'label' key=ident '=' text=STRING                                      # LabelClause
    | 'test' name=STRING '{' testItem* '}'                                   # TestClause
    ;

aggregate
    : 'count'                                                                # CountAggregate
    | 'distinct' fieldRef                                                    # DistinctAggregate
    ;

window
    : 'within' duration
    ;

silence
    : 'silent' 'for' duration                                                # FixedSilence
    | 'silent' 'for' factor=INT 'times' 'usual' 'gap' (',' 'at' 'least' duration)?  # RelativeSilence
    ;

step
    : 'step' name=ident ':' selector
    ;

selector
    : source=ident? ('where' expr)?
    ;

expr
    : 'not' expr                                                             # NotExpr
    | left=expr 'and' right=expr                                             # AndExpr
    | left=expr 'or' right=expr                                              # OrExpr
    | '(' expr ')'                                                           # ParenExpr
    | fieldRef op=('==' | '!=' | '<' | '<=' | '>' | '>=') value              # CompareExpr
    | fieldRef op='=' value                                                  # AssignExpr
    | fieldRef op=('~' | '!~') regex=(REGEX | STRING)                        # RegexExpr
    | fieldRef 'contains' text=STRING                                        # ContainsExpr
    | fieldRef 'in' '[' values+=value (',' values+=value)* ']'               # InExpr
    | fieldRef 'exists'                                                      # ExistsExpr
    ;

testItem
    : 'at' duration source=ident assignment* text=STRING repeat?             # TestEvent
    | 'at' duration source=ident assignment* 'lines' 'from' fixture=STRING
          'every' duration                                                   # TestFileEvents
    | 'expect' 'none'                                                        # ExpectNone
    | 'expect' type=ident expectation*                                       # ExpectIncident
    ;

assignment
    : fieldRef '=' value
    ;

repeat
    : 'repeat' times=INT 'every' duration
    ;

expectation
    : 'subject' text=STRING                                                  # ExpectSubject
    | 'count' n=INT                                                      # ExpectCount
    | 'summary' 'contains' text=STRING                                       # ExpectSummary
    | 'cause' 'contains' text=STRING                                         # ExpectCause
    | 'label' key=ident text=STRING                                          # ExpectLabel
    ;

duration
    : DURATION
    | INT
    ;

value
    : STRING                                                                 # StringValue
    | INT                                                                    # IntValue
    | ('true' | 'false')                                                     # BoolValue
    ;

fieldRef
    : ident ('.' ident)*
    ;

// Words that are keywords in one place but ordinary names elsewhere (a capture called `count`,
// a journald field called `TYPE`, a source called `file`).
ident
    : IDENT | 'count' | 'distinct' | 'type' | 'times' | 'usual' | 'gap' | 'least' | 'last'
    | 'same' | 'from' | 'of' | 'every' | 'repeat' | 'none' | 'severity' | 'subject' | 'summary'
    | 'label' | 'signature' | 'step' | 'description' | 'at' | 'contains' | 'exists' | 'silent'
    | 'lines' | 'link' | 'redact' | 'replace' | 'off' | 'once' | 'then' | 'gather' | 'under'
    | 'any' | 'naming' | 'note' | 'else' | 'claim'
    ;

DURATION : ([0-9]+ [a-zA-Z]+)+ ;
INT      : [0-9]+ ;
IDENT    : [a-zA-Z_] [a-zA-Z_0-9-]* ;
STRING   : '"' ( '\\' . | ~["\\\r\n] )* '"' ;
REGEX    : '/' ( '\\' . | ~[/\\\r\n] )+ '/' [a-zA-Z]* ;
COMMENT  : '#' ~[\r\n]* -> skip ;
WS       : [ \t\r\n]+ -> skip ;
// Anything else becomes one token so the parser, not the lexer, reports it with its position.
UNEXPECTED : . ;

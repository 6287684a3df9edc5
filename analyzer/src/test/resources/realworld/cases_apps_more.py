"""More application-log cases of the real-world corpus: programs' own logs in the formats real
services write (levels in brackets, klog, logfmt, JSON, Rails, .NET, log4j, …) whose repeated errors
must make one signature and whose one-off errors must not. generate.py writes them with the others;
every quoted line is verbatim from the source its SOURCES entry names."""


def register_apps_more(g):
    case, expect, text = g["case"], g["expect"], g["text"]

package dev.vigil.patterns.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.patterns.library.PatternLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void anOptionalSegmentShouldBeDroppedWhenOneOfItsValuesIsMissing() {
        Template t = Template.parse("killed {comm} (pid {pid}[, anon-rss {rss} kB])");

        assertEquals("killed java (pid 7429, anon-rss 96 kB)", t.render(Map.of("comm", "java", "pid", "7429", "rss", "96")));
        assertEquals("killed java (pid 7429)", t.render(Map.of("comm", "java", "pid", "7429")));
    }

    @Test
    void aMissingValueOutsideASegmentShouldReadUnknownNotAQuestionMark() {
        assertEquals("last error: unknown", Template.parse("last error: {cause}").render(Map.of()));
    }

    @Test
    void bracketsWithoutAPlaceholderShouldStayText() {
        Template t = Template.parse("{comm}[{pid}] said [sic]");

        assertEquals("nginx[12] said [sic]", t.render(Map.of("comm", "nginx", "pid", "12")));
        assertEquals(List.of("comm", "pid"), t.variables());
    }

    @Test
    void aCompleteRenderingShouldBeEmptyWhenARequiredValueIsMissing() {
        Template t = Template.parse("{cgroup}[ in {slice}]");

        assertEquals(Optional.empty(), t.renderComplete(Map.of("slice", "user.slice")));
        assertEquals(Optional.of("/a"), t.renderComplete(Map.of("cgroup", "/a")));
    }

    @Test
    void rendersAsItsRegexesWouldForEverySetOfValuesOfEveryLibraryTemplate() {
        List<Template> templates = new ArrayList<>();
        for (CompiledPattern p : PatternLoader.loadLibrary().patterns().patterns()) {
            templates.add(p.subject());
            templates.add(p.summary());
            templates.addAll(p.labels().values());
        }
        // shapes at the edges: a placeholder that forms where a part is left out, parts side by side, dots
        for (String t : List.of("{a[x{b}]b}", "[{a}]", "{comm}[{pid}]", "[, anon {x} kB][ ({y})]", "{a.b} [c {d}] [e] [{d}{e}]",
                "[{a}][{b}][{c} {d}][{e} f][g {h}][{i} {j}][{k}.]")) {
            templates.add(Template.parse(t));
        }
        int compared = 0;
        for (Template t : templates) {
            List<String> names = new ArrayList<>(new LinkedHashSet<>(t.variables()));
            Template reference = t.unplanned();
            for (int set = 0; set < 1 << Math.min(names.size(), 10); set++) {
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < names.size() && i < 10; i++) {
                    if ((set & (1 << i)) != 0) {
                        values.put(names.get(i), "v" + i + "$1\\");
                    }
                }
                assertEquals(reference.render(values), t.render(values), t.text());
                assertEquals(reference.renderComplete(values), t.renderComplete(values), t.text());
                compared++;
            }
        }
        assertEquals(true, compared > 500, "sets of values compared: " + compared);
    }
}

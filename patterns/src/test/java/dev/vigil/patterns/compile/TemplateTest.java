package dev.vigil.patterns.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}

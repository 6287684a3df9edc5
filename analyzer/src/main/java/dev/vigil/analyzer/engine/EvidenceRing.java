package dev.vigil.analyzer.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The last few lines of one kind, oldest first, bounded. */
public record EvidenceRing(int v, List<EvidenceItem> items) {
    public EvidenceRing {
        items = List.copyOf(items);
    }

    static EvidenceRing empty() {
        return new EvidenceRing(1, List.of());
    }

    /**
     * The ring with {@code item} appended, the oldest dropped beyond {@code max}; the same ring
     * when it holds the item's event already, or is full of newer ones (a re-sent line).
     */
    EvidenceRing append(EvidenceItem item, int max) {
        if (has(item) || items.size() >= max && item.ts().isBefore(items.get(0).ts())) {
            return this;
        }
        return new EvidenceRing(v, appended(items, item, max));
    }

    /**
     * The last {@code max - 1} of {@code items} and {@code item}, as an immutable list made in one
     * copy (the record's own copy then keeps it): written on every line a ring or an episode keeps.
     */
    static List<EvidenceItem> appended(List<EvidenceItem> items, EvidenceItem item, int max) {
        int keep = Math.max(0, Math.min(items.size(), max - 1));
        EvidenceItem[] out = new EvidenceItem[keep + 1];
        for (int i = 0; i < keep; i++) {
            out[i] = items.get(items.size() - keep + i);
        }
        out[keep] = item;
        return List.of(out);
    }

    private boolean has(EvidenceItem item) {
        if (item.id() == null) {
            return false;
        }
        for (EvidenceItem i : items) {
            if (item.id().equals(i.id())) {
                return true;
            }
        }
        return false;
    }

    /** The last {@code max} items at or before {@code until} and not before {@code since}. */
    List<EvidenceItem> between(Instant since, Instant until, int max) {
        List<EvidenceItem> out = new ArrayList<>();
        for (EvidenceItem i : items) {
            if (!i.ts().isBefore(since) && !i.ts().isAfter(until)) {
                out.add(i);
            }
        }
        return out.size() <= max ? out : out.subList(out.size() - max, out.size());
    }

    Instant newest() {
        return items.isEmpty() ? Instant.EPOCH : items.get(items.size() - 1).ts();
    }
}

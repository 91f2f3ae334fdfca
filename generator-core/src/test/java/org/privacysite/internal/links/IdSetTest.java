package org.privacysite.internal.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.privacysite.internal.concurrent.Interner;

class IdSetTest {

    @Test
    void holdsEachIdOnceSharedAndAnswersLikeASet() {
        Interner<String> shared = new Interner<>(100);
        String retention = shared.intern("retention");
        Set<String> ids = IdSet.of(Set.of("main", new String("retention"), "contact"), shared::intern);
        assertTrue(ids.contains("retention"));
        assertFalse(ids.contains("retentio"));
        assertFalse(ids.contains(null));
        assertFalse(ids.contains(7));
        assertEquals(Set.of("main", "retention", "contact"), ids);
        assertEquals(List.of("contact", "main", "retention"), List.copyOf(ids));
        assertSame(retention, ids.stream().filter("retention"::equals).findFirst().orElseThrow());
        assertThrows(UnsupportedOperationException.class, () -> ids.remove("main"));
        assertThrows(UnsupportedOperationException.class, () -> ids.iterator().remove());
        assertEquals(Set.of(), IdSet.of(Set.of(), shared::intern));
    }
}

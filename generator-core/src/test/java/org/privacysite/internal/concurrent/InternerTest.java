package org.privacysite.internal.concurrent;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class InternerTest {

    @Test
    void equalValuesComeBackAsOneCopy() {
        Interner<String> interner = new Interner<>(10);
        String first = new String("retention");
        assertSame(first, interner.intern(first));
        assertSame(first, interner.intern(new String("retention")));
        assertNull(interner.intern(null));
    }

    /** A preview that runs for days must not keep every key ever typed. */
    @Test
    void beyondItsLimitItForgetsWhatItHeld() {
        Interner<String> interner = new Interner<>(3);
        String first = new String("a");
        interner.intern(first);
        for (String value : new String[] {"b", "c", "d"}) {
            interner.intern(value);
        }
        String again = new String("a");
        assertNotSame(first, interner.intern(again), "forgotten once over the limit");
        assertSame(again, interner.intern(new String("a")));
    }
}

package org.privacysite.internal.cache;

/** The cache file is not what this generator wrote: it is rebuilt, and a warning says why. */
final class DamagedCache extends RuntimeException {

    DamagedCache(String why) {
        super(why, null, false, false);
    }
}

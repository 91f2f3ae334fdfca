package org.privacysite.internal.importer;

/**
 * POI logs through the Log4j API; with no Log4j behind it, the API prints an error to the writer's
 * terminal. This selects Log4j's own simple logger, switched off, unless the application chose one.
 */
final class PoiLogging {

    private PoiLogging() {
    }

    static void quiet() {
        if (System.getProperty("log4j.provider") == null && System.getProperty("log4j2.provider") == null
                && System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j.provider", "org.apache.logging.log4j.simple.internal.SimpleProvider");
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
            System.setProperty("log4j2.simplelogLevel", "OFF");
            System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
        }
    }
}

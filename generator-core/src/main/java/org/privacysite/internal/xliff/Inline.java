package org.privacysite.internal.xliff;

/**
 * A piece of a block's Markdown as a translator sees it: text to translate, or a code that stands for
 * Markdown the translator must keep (an ICU argument, emphasis or link markers, a code span).
 */
sealed interface Inline {

    /** The Markdown this piece was written as; joining a block's pieces gives the block back. */
    String markdown();

    /** Text to translate, exactly as written (escapes included). */
    record Text(String markdown) implements Inline {
    }

    /**
     * A protected piece of Markdown.
     *
     * @param id       the code's id within its block ("1", "2", …); an opening and closing marker share it
     * @param kind     what it stands for
     * @param markdown the Markdown it replaces: {@code {company}}, {@code **}, {@code [} or {@code ](https://…)}
     */
    record Code(String id, Kind kind, String markdown) implements Inline {

        /** The shape of a code. */
        enum Kind {
            /** An ICU argument, {@code {company}} or a whole {@code {n, plural, …}}. */
            ARGUMENT,
            /** Markdown that is not text: a code span, an image, a link without text ({@code [](#retention)}). */
            PLACEHOLDER,
            /** The start of emphasis or of a link's text. */
            OPEN,
            /** The end of emphasis, or of a link's text with the link's address. */
            CLOSE
        }

        /** What makes two codes the same across languages, whatever order a translation puts them in. */
        String signature() {
            return switch (kind) {
                case ARGUMENT -> "argument " + argumentName(markdown);
                case PLACEHOLDER -> "placeholder " + markdown;
                case OPEN -> markdown.startsWith("[") ? "link" : "emphasis " + markdown.length();
                case CLOSE -> markdown.startsWith("]") ? "link " + markdown : "emphasis " + markdown.length();
            };
        }

        /** {@code {name, plural, …}} → {@code name}. */
        static String argumentName(String argument) {
            String inner = argument.substring(1, argument.length() - 1);
            int comma = inner.indexOf(',');
            return (comma < 0 ? inner : inner.substring(0, comma)).trim();
        }
    }
}

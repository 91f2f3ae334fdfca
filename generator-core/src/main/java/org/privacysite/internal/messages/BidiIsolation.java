package org.privacysite.internal.messages;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterDirection;

/**
 * Whether a value put into running text must be direction-isolated ({@code <bdi>}): a left-to-right
 * value (a URL, an e-mail address, a phone number, an address in Latin letters) inside Arabic text is
 * otherwise reordered by the bidi algorithm, so "+353 1 555 0142" shows as "0142 555 1 353+".
 * Values that cannot be reordered are left alone, so left-to-right pages keep their markup.
 */
public final class BidiIsolation {

    private BidiIsolation() {
    }

    /** {@code value}, isolated as {@link #isolated} where {@link #needed} says so: a fact in plain text. */
    public static String inPlainText(String value, boolean rightToLeftText) {
        return needed(value, rightToLeftText) ? isolated(value) : value;
    }

    /** {@code value} between the Unicode isolates FSI and PDI: how text without markup isolates it. */
    public static String isolated(String value) {
        return "\u2068" + value + "\u2069";
    }

    /**
     * True when {@code value} holds characters whose order the surrounding text could change: in
     * right-to-left text, left-to-right letters or European digits; in left-to-right text,
     * right-to-left letters or Arabic digits.
     */
    public static boolean needed(String value, boolean rightToLeftText) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                if (rightToLeftText && Character.isLetterOrDigit(c)) {
                    return true; // ASCII letters and digits are L and EN: the common case, no table look-up
                }
                continue;
            }
            int direction = UCharacter.getDirection(c);
            boolean opposite = rightToLeftText
                    ? direction == UCharacterDirection.LEFT_TO_RIGHT || direction == UCharacterDirection.EUROPEAN_NUMBER
                    : direction == UCharacterDirection.RIGHT_TO_LEFT || direction == UCharacterDirection.RIGHT_TO_LEFT_ARABIC
                    || direction == UCharacterDirection.ARABIC_NUMBER;
            if (opposite) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code text} has left-to-right letters or digits and no right-to-left letter: a URL, a code. */
    public static boolean leftToRightOnly(String text) {
        boolean left = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            int direction = UCharacter.getDirection(c);
            if (direction == UCharacterDirection.RIGHT_TO_LEFT || direction == UCharacterDirection.RIGHT_TO_LEFT_ARABIC
                    || direction == UCharacterDirection.ARABIC_NUMBER) {
                return false;
            }
            left |= direction == UCharacterDirection.LEFT_TO_RIGHT || direction == UCharacterDirection.EUROPEAN_NUMBER;
        }
        return left;
    }
}

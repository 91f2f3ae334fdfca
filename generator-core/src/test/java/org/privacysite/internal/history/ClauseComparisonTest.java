package org.privacysite.internal.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.privacysite.internal.history.ClauseChange.Segment;

class ClauseComparisonTest {

    @Test
    void japaneseTextIsComparedWordByWordThoughItHasNoSpaces() {
        List<Segment> segments = ClauseComparison.words("アカウントのデータを1年間保存します。", "アカウントのデータを30日間保存します。", "ja");
        assertEquals(List.of(new Segment("same", "アカウントのデータを"), new Segment("deleted", "1年間"),
                new Segment("inserted", "30日間"), new Segment("same", "保存します。")), segments);
    }

    @Test
    void aReplacedRunOfWordsIsOneDeletionAndOneInsertion() {
        assertEquals(List.of(new Segment("same", "We keep it for "), new Segment("deleted", "one year"),
                        new Segment("inserted", "thirty days"), new Segment("same", ".")),
                ClauseComparison.words("We keep it for one year.", "We keep it for thirty days.", "en"));
    }

    @Test
    void clausesAreMatchedByKeySoARenumberedClauseIsNoChange() {
        List<ClauseText> before = List.of(new ClauseText("a", "1", "A", "Text a."), new ClauseText("b", "2", "B", "Text b."));
        List<ClauseText> after = List.of(new ClauseText("new", "1", "New", "New text."), new ClauseText("a", "2", "A", "Text a."),
                new ClauseText("b", "3", "B", "Text b."));
        List<ClauseChange> changes = ClauseComparison.compare(before, after, "en");
        assertEquals(1, changes.size(), changes.toString());
        assertEquals("new", changes.get(0).key());
        assertEquals(true, changes.get(0).added());
    }
}

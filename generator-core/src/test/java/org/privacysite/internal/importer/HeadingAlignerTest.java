package org.privacysite.internal.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HeadingAlignerTest {

    private static HeadingAligner.Signature section(int level, String text, String... body) {
        List<ParsedFile.Block> blocks = new ArrayList<>();
        for (String paragraph : body) {
            blocks.add(new ParsedFile.Block(paragraph, paragraph, new LinkedHashSet<>(), List.of(), 1));
        }
        return HeadingAligner.Signature.of(new ParsedFile.Section(
                new ParsedFile.Heading(level, text, text, null, List.of(), false, Set.of(), 1), blocks));
    }

    private static final List<HeadingAligner.Signature> SOURCE = List.of(
            section(2, "Who we are", "Kestrel, 14 Harcourt Street, Dublin 2."),
            section(2, "Retention", "We keep data for 30 days and invoices for 7 years."),
            section(3, "Backups", "Backups are kept for 35 days."),
            section(2, "Your rights", "Ask at https://kestrel.example/rights; we answer within 30 days."),
            section(2, "Contact", "Write to privacy@kestrel.example or call +353 1 555 0142."));

    @Test
    void anExtraSectionInTheTranslationShiftsNoOtherHeading() {
        List<HeadingAligner.Signature> fr = List.of(
                section(2, "Qui sommes-nous", "Kestrel, 14 Harcourt Street, Dublin 2."),
                section(2, "Conservation", "Nous gardons les données 30 jours et les factures 7 ans."),
                section(3, "Sauvegardes", "Les sauvegardes sont gardées 35 jours."),
                section(2, "Cookies", "Nous n'utilisons que des cookies nécessaires."),
                section(2, "Vos droits", "Demandez sur https://kestrel.example/rights ; réponse sous 30 jours."),
                section(2, "Contact", "Écrivez à privacy@kestrel.example ou appelez le +353 1 555 0142."));
        assertArrayEquals(new int[] {0, 1, 2, -1, 3, 4}, HeadingAligner.align(SOURCE, fr));
    }

    @Test
    void aMissingSectionShiftsNoOtherHeading() {
        List<HeadingAligner.Signature> de = List.of(
                section(2, "Wer wir sind", "Kestrel, 14 Harcourt Street, Dublin 2."),
                section(2, "Speicherdauer", "Wir speichern Daten 30 Tage und Rechnungen 7 Jahre."),
                section(2, "Ihre Rechte", "Fragen Sie unter https://kestrel.example/rights; Antwort binnen 30 Tagen."),
                section(2, "Kontakt", "Schreiben Sie an privacy@kestrel.example oder rufen Sie +353 1 555 0142 an."));
        assertArrayEquals(new int[] {0, 1, 3, 4}, HeadingAligner.align(SOURCE, de));
    }

    @Test
    void aSectionMovedElsewhereIsNotForcedIntoPlace() {
        // The translation puts "Contact" first: the sequence keeps the order, so Contact cannot be matched
        // as well as everything after it; the rest stays right and the odd one is reported, not guessed.
        List<HeadingAligner.Signature> it = List.of(
                section(2, "Contatti", "Scrivete a privacy@kestrel.example o chiamate il +353 1 555 0142."),
                section(2, "Chi siamo", "Kestrel, 14 Harcourt Street, Dublin 2."),
                section(2, "Conservazione", "Conserviamo i dati 30 giorni e le fatture 7 anni."),
                section(3, "Backup", "I backup sono conservati 35 giorni."),
                section(2, "I vostri diritti", "Chiedete su https://kestrel.example/rights; risposta entro 30 giorni."));
        assertArrayEquals(new int[] {-1, 0, 1, 2, 3}, HeadingAligner.align(SOURCE, it));
    }

    private static ParsedFile file(String preamble, String[][] sections) {
        List<ParsedFile.Section> list = new ArrayList<>();
        for (String[] section : sections) {
            List<String> ids = section[1].isEmpty() ? List.of() : List.of(section[1]);
            list.add(new ParsedFile.Section(new ParsedFile.Heading(2, section[0], section[0], null, ids, !ids.isEmpty(), Set.of(), 1),
                    new ArrayList<>(List.of(new ParsedFile.Block(section[2], section[2], new LinkedHashSet<>(), List.of(), 1)))));
        }
        return new ParsedFile(java.nio.file.Path.of("x.md"), "xx", "privacy", "Title", java.util.Map.of(),
                new ArrayList<>(List.of(new ParsedFile.Block(preamble, preamble, new LinkedHashSet<>(), List.of(), 1))), list);
    }

    @Test
    void linksFromAlignedSectionsTellWhichHeadingIsWhich() {
        // Nothing in the text survives translation (no numbers, no addresses): only the links say which is which.
        ParsedFile en = file("Read [how long we keep data](#keep) first.", new String[][] {
                {"About us", "", "We are a company."}, {"Your rights", "your-rights", "You have rights."},
                {"Retention", "keep", "We keep data. See [your rights](#your-rights)."}, {"Contact", "", "Write to us."}});
        ParsedFile fr = file("Lisez d'abord [la conservation](#conservation).", new String[][] {
                {"À propos", "", "Nous sommes une société."}, {"Cookies", "", "Nous utilisons des cookies."},
                {"Vos droits", "vos-droits", "Vous avez des droits."},
                {"Conservation", "conservation", "Nous gardons les données. Voir [vos droits](#vos-droits)."},
                {"Contact", "", "Écrivez-nous."}});
        assertArrayEquals(new int[] {0, -1, 1, 2, 3}, HeadingAligner.align(en, fr));
        int[] withoutLinks = HeadingAligner.align(en.sections().stream().map(HeadingAligner.Signature::of).toList(),
                fr.sections().stream().map(HeadingAligner.Signature::of).toList());
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(new int[] {0, -1, 1, 2, 3}, withoutLinks),
                "the links made the difference: " + java.util.Arrays.toString(withoutLinks));
    }
}

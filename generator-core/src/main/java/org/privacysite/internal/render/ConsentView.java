package org.privacysite.internal.render;

import java.util.ArrayList;
import java.util.List;

import org.privacysite.internal.consent.ConsentConfig;

import com.ibm.icu.text.ListFormatter;

/**
 * What templates see of the consent configuration in one locale: the categories with their
 * translated names and purposes, for the banner and the preferences dialog, and what
 * {@code consent.js} reads from the {@code data-} attributes of the banner.
 *
 * @param scripts            the gated third-party tags, rendered as {@code <script type="text/plain">}
 * @param consentModeMapping Google Consent Mode {@code signal:category} pairs, empty when Consent Mode is off
 * @param gpcCategoryNames   the names of the categories Global Privacy Control switches off, as a list in
 *                           the locale's own style ("A and B", "A et B")
 */
public record ConsentView(int revision, int expiryMonths, String storageName, List<CategoryView> categories,
                          List<ScriptView> scripts, String consentModeMapping, String gpcCategoryNames) {

    /** A category as shown in the dialog. */
    public record CategoryView(String id, String name, String purpose, boolean required, boolean saleOrSharing,
                               List<String> cookieNames) {
    }

    /** A gated tag: loads {@code src} once {@code category} is granted. */
    public record ScriptView(String category, String src) {
    }

    public ConsentView(ConsentConfig config, UiMessages texts) {
        this(config, texts, categories(config, texts));
    }

    private ConsentView(ConsentConfig config, UiMessages texts, List<CategoryView> categories) {
        this(config.revision(), config.expiryMonths(), config.storageName(), categories, scripts(config),
                config.consentModeMapping(), gpcNames(categories, texts));
    }

    private static List<CategoryView> categories(ConsentConfig config, UiMessages texts) {
        List<CategoryView> views = new ArrayList<>();
        for (ConsentConfig.Category category : config.categories()) {
            views.add(new CategoryView(category.id(), texts.format(category.nameKey()), texts.format(category.purposeKey()),
                    category.required(), category.saleOrSharing(),
                    category.cookies().stream().filter(ConsentConfig.Cookie::isCookie).map(ConsentConfig.Cookie::name).toList()));
        }
        return List.copyOf(views);
    }

    private static List<ScriptView> scripts(ConsentConfig config) {
        List<ScriptView> scripts = new ArrayList<>();
        for (ConsentConfig.Category category : config.categories()) {
            for (ConsentConfig.Script script : category.scripts()) {
                scripts.add(new ScriptView(category.id(), script.src()));
            }
        }
        return List.copyOf(scripts);
    }

    private static String gpcNames(List<CategoryView> categories, UiMessages texts) {
        List<String> names = categories.stream().filter(CategoryView::saleOrSharing).map(CategoryView::name).toList();
        return ListFormatter.getInstance(texts.formatter().locale()).format(names);
    }

    /** Names of the categories that Global Privacy Control switches off. */
    public List<String> saleOrSharingIds() {
        return categories.stream().filter(CategoryView::saleOrSharing).map(CategoryView::id).toList();
    }

    /** Ids of the categories that are always on. */
    public List<String> requiredIds() {
        return categories.stream().filter(CategoryView::required).map(CategoryView::id).toList();
    }

    /** Ids of the categories a visitor can switch on or off. */
    public List<String> optionalIds() {
        return categories.stream().filter(category -> !category.required()).map(CategoryView::id).toList();
    }
}

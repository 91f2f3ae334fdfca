package org.privacysite.internal.consent;

import java.util.ArrayList;
import java.util.List;

import org.privacysite.internal.render.UiMessages;

/**
 * What templates see of the consent configuration in one locale: the categories with their
 * translated names and purposes, for the banner and the preferences dialog.
 */
public record ConsentView(int revision, int expiryMonths, String storageName, List<CategoryView> categories) {

    /** A category as shown in the dialog. */
    public record CategoryView(String id, String name, String purpose, boolean required, boolean saleOrSharing,
                               List<String> cookieNames) {
    }

    public ConsentView(ConsentConfig config, UiMessages texts) {
        this(config.revision(), config.expiryMonths(), config.storageName(), categories(config, texts));
    }

    private static List<CategoryView> categories(ConsentConfig config, UiMessages texts) {
        List<CategoryView> views = new ArrayList<>();
        for (ConsentConfig.Category category : config.categories()) {
            views.add(new CategoryView(category.id(), texts.format(category.nameKey()), texts.format(category.purposeKey()),
                    category.required(), category.saleOrSharing(),
                    category.cookies().stream().map(ConsentConfig.Cookie::name).toList()));
        }
        return List.copyOf(views);
    }

    /** Names of the categories that Global Privacy Control switches off. */
    public List<String> saleOrSharingIds() {
        return categories.stream().filter(CategoryView::saleOrSharing).map(CategoryView::id).toList();
    }
}

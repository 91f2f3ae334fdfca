package org.privacysite.internal.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.privacysite.PrivacySiteException;
import org.privacysite.internal.consent.ConsentConfig;
import org.privacysite.internal.rules.ConsentRules;

/**
 * The cookie tables of the cookie policy, generated from {@code cookies.yaml} so that the policy
 * lists exactly the cookies the banner controls. Markup comes from {@code partials/cookie-table.ftlh}.
 */
public final class CookieTables {

    /** One row of a cookie table, every cell already localized. */
    public record Row(String name, String provider, String party, String duration, String purpose) {
    }

    private CookieTables() {
    }

    public static String render(ConsentConfig config, String categoryId, UiMessages ui, UiMessages texts,
                                TemplateEngine templates) {
        ConsentConfig.Category category = config.category(categoryId);
        if (category == null) {
            throw PrivacySiteException.at(config.location(), ConsentRules.UNKNOWN_CATEGORY,
                    "a cookie-table block names category '" + categoryId + "', which cookies.yaml does not define");
        }
        List<Row> rows = new ArrayList<>();
        for (ConsentConfig.Cookie cookie : category.cookies()) {
            rows.add(new Row(cookie.name(), cookie.provider(),
                    ui.format(cookie.thirdParty() ? "cookies.party.third" : "cookies.party.first"),
                    duration(cookie.duration(), ui), texts.format(cookie.purposeKey())));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("category", Map.of("id", category.id(), "name", texts.format(category.nameKey()), "rows", rows));
        model.put("msg", ui);
        return templates.render("partials/cookie-table.ftlh", model);
    }

    /** "13 months", "13 mois", "١٣ شهرًا": the plural forms come from the UI bundle. */
    public static String duration(ConsentConfig.Duration duration, UiMessages ui) {
        if (duration.isSession()) {
            return ui.format("cookies.duration.session");
        }
        return ui.format("cookies.duration." + duration.unit(), Map.of("n", duration.amount()));
    }
}

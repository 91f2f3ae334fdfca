package org.privacysite.internal.render;

import java.util.Map;
import java.util.TreeMap;

import freemarker.core.Environment;
import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleCollection;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;

/**
 * The site's facts as templates see them ({@code facts.privacyEmail}): a fact site.yaml does not
 * define is an error at the template's line, even behind {@code !""} or {@code ??}, because a template
 * that prints a fact needs it ("Write to ." is not a policy page).
 */
final class TemplateFacts implements TemplateHashModelEx {

    private final Map<String, Object> facts;

    TemplateFacts(Map<String, Object> facts) {
        this.facts = new TreeMap<>(facts);
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
        Object value = facts.get(key);
        if (value == null) {
            throw new TemplateModelException("the template uses the fact '" + key + "', which site.yaml does not define;"
                    + " add it under 'facts' in site.yaml" + (facts.isEmpty() ? "" : " (facts: " + String.join(", ", facts.keySet()) + ")")
                    + ", or remove it from the template");
        }
        return wrapper().wrap(value);
    }

    @Override
    public boolean isEmpty() {
        return facts.isEmpty();
    }

    @Override
    public int size() {
        return facts.size();
    }

    @Override
    public TemplateCollectionModel keys() {
        return new SimpleCollection(facts.keySet(), wrapper());
    }

    @Override
    public TemplateCollectionModel values() {
        return new SimpleCollection(facts.values(), wrapper());
    }

    /** Outside a template (a test, a tool), the same wrapper as the template engine's. */
    private static final ObjectWrapper OUTSIDE_TEMPLATES =
            new freemarker.template.DefaultObjectWrapperBuilder(freemarker.template.Configuration.VERSION_2_3_34).build();

    private static ObjectWrapper wrapper() {
        Environment environment = Environment.getCurrentEnvironment();
        return environment != null ? environment.getObjectWrapper() : OUTSIDE_TEMPLATES;
    }
}

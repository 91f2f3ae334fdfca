/**
 * The rules of the core checks, one class per area, each rule declared once with its documentation.
 * Every stage imports this package and nothing here imports a stage, so any stage can raise any rule.
 * A feature package (an importer, an audit) declares its own {@code <Area>Rules} class the same way;
 * {@link org.privacysite.RuleCatalogue} lists them all.
 */
package org.privacysite.internal.rules;

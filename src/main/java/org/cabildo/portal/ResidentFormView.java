package org.cabildo.portal;

import java.util.List;

import org.cabildo.portal.ReportFormView.Option;
import org.cabildo.portal.ReportFormView.Problems;

/**
 * A form of residents' accounts as the page shows it: what was typed (never the password), the
 * languages of the mails, the link it carries, and each problem at its field ({@code email},
 * {@code password}, {@code language}; {@code form} for the form as a whole), already in the
 * page's language.
 *
 * @param issued the form's token ({@link FormTokens}); null for the forms that send no mail
 * @param languages the languages an account's mails may be in, the chosen one selected
 * @param link the secret of the mailed link the form sends back; null for the forms without one
 */
record ResidentFormView(String issued, String email, List<Option> languages, String link, Problems problems) {
}

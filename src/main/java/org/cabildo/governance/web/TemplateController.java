package org.cabildo.governance.web;

import java.util.List;

import org.cabildo.governance.DeclarationDraft;
import org.cabildo.governance.DeclarationTemplate;
import org.cabildo.governance.DeclarationTemplate.Scope;
import org.cabildo.governance.Register;
import org.cabildo.governance.Templates;
import org.cabildo.identity.Caller;
import org.cabildo.platform.ApiException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Declaration templates in the public register: anyone reads them; stewards of the organisation
 * publish a new version or withdraw one. A Datastream created in a template's scope is declared
 * with it at creation.
 */
@RestController
@Tag(name = "Register")
class TemplateController {

	/** Every template's current version. */
	record TemplateList(int count, List<DeclarationTemplate> value) {
	}

	/** A template's current version and every version before it, oldest first. */
	record TemplateWithHistory(DeclarationTemplate current, List<DeclarationTemplate> versions) {
	}

	private final Templates templates;

	private final Register register;

	TemplateController(Templates templates, Register register) {
		this.templates = templates;
		this.register = register;
	}

	@GetMapping("/api/register/templates")
	@Operation(summary = "Every declaration template (organisations' and Things'), current version, withdrawn ones too")
	TemplateList list() {
		List<DeclarationTemplate> all = templates.all();
		return new TemplateList(all.size(), all);
	}

	@GetMapping("/api/register/templates/{id}")
	@Operation(summary = "A declaration template with every version")
	TemplateWithHistory one(@PathVariable long id) {
		DeclarationTemplate current = templates.current(id)
			.orElseThrow(() -> ApiException.notFound("there is no declaration template " + id));
		return new TemplateWithHistory(current, templates.history(id));
	}

	@PutMapping("/api/register/templates/organisations/{organisation}")
	@Operation(summary = "Publishes the next version of an organisation's template (name or id): every Datastream"
			+ " the organisation creates from now on is declared with it, unless its Thing has a template; stewards")
	DeclarationTemplate publishForOrganisation(@PathVariable String organisation,
			@RequestBody DeclarationDraft declaration) {
		long id = register.organisation(organisation)
			.orElseThrow(() -> ApiException.notFound("there is no organisation '" + organisation + "'"));
		return templates.publish(Scope.ORGANISATION, id, declaration, actor());
	}

	@PutMapping("/api/register/templates/things/{thing}")
	@Operation(summary = "Publishes the next version of a Thing's template: every Datastream created under the Thing"
			+ " from now on is declared with it; stewards of the Thing's organisation")
	DeclarationTemplate publishForThing(@PathVariable long thing, @RequestBody DeclarationDraft declaration) {
		return templates.publish(Scope.THING, thing, declaration, actor());
	}

	@DeleteMapping("/api/register/templates/{id}")
	@Operation(summary = "Withdraws a template (a new version, marked withdrawn): streams created from now on are not"
			+ " declared with it; those declared with it keep their declarations; stewards")
	DeclarationTemplate withdraw(@PathVariable long id) {
		return templates.withdraw(id, actor());
	}

	private static String actor() {
		return Caller.current().map(Caller::name).orElse("platform");
	}

}

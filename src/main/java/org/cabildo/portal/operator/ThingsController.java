package org.cabildo.portal.operator;

import java.util.Locale;

import org.cabildo.sensing.ReadContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The operator's Things: their list with the form that creates one, each Thing's page (its name
 * and description, its Datastreams and the form that adds one), and its deletion once confirmed.
 * Every change answers with a redirect (Post/Redirect/Get); a form that is refused is shown
 * again, with the problem at its field and the status of the refusal.
 */
@Controller
@Hidden
@RequestMapping("/console/operator/things")
class ThingsController {

	private static final String BASE = "/console/operator/things";

	private final ThingDesk desk;

	private final Console console;

	ThingsController(ThingDesk desk, Console console) {
		this.desk = desk;
		this.console = console;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String done,
			Locale locale, HttpServletRequest request, Model model) {
		Texts texts = console.texts(locale);
		model.addAttribute("page", desk.list(texts, ReadContext.of(request), page,
				ThingPages.NewThing.empty(-1), Problems.none(), done));
		return "portal/operator/things";
	}

	@PostMapping
	String create(@ModelAttribute("form") ThingPages.NewThing form, Locale locale, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Texts texts = console.texts(locale);
		ReadContext reader = ReadContext.of(request);
		try {
			long id = desk.create(form, texts, reader);
			return "redirect:" + BASE + "/" + id + "?done=thing-created";
		}
		catch (FormRefused refused) {
			response.setStatus(refused.status().value());
			model.addAttribute("page", desk.list(texts, reader, 1, form, refused.problems(), null));
			return "portal/operator/things";
		}
	}

	@GetMapping("/{id}")
	String thing(@PathVariable long id, @RequestParam(defaultValue = "1") int page,
			@RequestParam(required = false) String done, Locale locale, HttpServletRequest request, Model model) {
		model.addAttribute("page", desk.detail(console.texts(locale), ReadContext.of(request), id, page, null,
				Problems.none(), ThingPages.NewDatastream.empty(), Problems.none(), done));
		return "portal/operator/thing";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("edit") ThingPages.Edit edit, Locale locale,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Texts texts = console.texts(locale);
		try {
			desk.update(id, edit, texts);
			return "redirect:" + BASE + "/" + id + "?done=thing-updated";
		}
		catch (FormRefused refused) {
			response.setStatus(refused.status().value());
			model.addAttribute("page", desk.detail(texts, ReadContext.of(request), id, 1, edit, refused.problems(),
					ThingPages.NewDatastream.empty(), Problems.none(), null));
			return "portal/operator/thing";
		}
	}

	@GetMapping("/{id}/delete")
	String confirmDeletion(@PathVariable long id, Locale locale, HttpServletRequest request, Model model) {
		model.addAttribute("page", desk.deletion(console.texts(locale), ReadContext.of(request), id));
		return "portal/operator/thing-delete";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id) {
		desk.delete(id);
		return "redirect:" + BASE + "?done=thing-deleted";
	}

	@PostMapping("/{id}/datastreams")
	String createDatastream(@PathVariable long id, @ModelAttribute("datastream") ThingPages.NewDatastream form,
			Locale locale, HttpServletRequest request, HttpServletResponse response, Model model) {
		Texts texts = console.texts(locale);
		ReadContext reader = ReadContext.of(request);
		try {
			long datastream = desk.createDatastream(id, form, texts, reader);
			String done = desk.collectionRefused(datastream).isPresent() ? "datastream-undeclared"
					: "datastream-created";
			return "redirect:" + BASE + "/" + id + "?done=" + done;
		}
		catch (FormRefused refused) {
			response.setStatus(refused.status().value());
			model.addAttribute("page", desk.detail(texts, reader, id, 1, null, Problems.none(), form,
					refused.problems(), null));
			return "portal/operator/thing";
		}
	}

}

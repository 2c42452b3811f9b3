package org.cabildo.portal.operator;

import java.util.Locale;

import org.cabildo.identity.Issued;
import org.cabildo.sensing.ReadContext;
import org.springframework.http.HttpStatus;
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
 * The devices of an organisation: their list with the form that creates one, each device's page
 * (its bindings to Datastreams, a new secret, its revocation). A secret is shown once, on the page
 * that answers its creation or rotation, never stored in the page's address nor kept by a cache;
 * every other change answers with a redirect.
 */
@Controller
@Hidden
@RequestMapping("/console/operator/devices")
class DevicesController {

	private static final String BASE = "/console/operator/devices";

	private final DeviceDesk desk;

	private final Console console;

	DevicesController(DeviceDesk desk, Console console) {
		this.desk = desk;
		this.console = console;
	}

	@GetMapping
	String list(@RequestParam(required = false) Long organisation, @RequestParam(defaultValue = "1") int page,
			@RequestParam(required = false) String done, Locale locale, Model model) {
		long shown = desk.organisation(organisation);
		model.addAttribute("page", desk.list(console.texts(locale), shown, page,
				new DevicePages.NewDevice(Long.toString(shown), "", ""), Problems.none(), done));
		return "portal/operator/devices";
	}

	@PostMapping
	String create(@ModelAttribute("form") DevicePages.NewDevice form, Locale locale, HttpServletResponse response,
			Model model) {
		Texts texts = console.texts(locale);
		try {
			Issued issued = desk.create(form, texts);
			return secret(desk.secret(issued, true, texts), HttpStatus.CREATED, response, model);
		}
		catch (FormRefused refused) {
			response.setStatus(refused.status().value());
			long organisation = desk.organisation(form.organisation().matches("\\d{1,18}")
					? Long.parseLong(form.organisation()) : null);
			model.addAttribute("page", desk.list(texts, organisation, 1, form, refused.problems(), null));
			return "portal/operator/devices";
		}
	}

	@GetMapping("/{id}")
	String device(@PathVariable long id, @RequestParam(required = false) String done, Locale locale,
			HttpServletRequest request, Model model) {
		model.addAttribute("page", desk.detail(console.texts(locale), ReadContext.of(request), id, Problems.none(),
				done));
		return "portal/operator/device";
	}

	@PostMapping("/{id}/secret")
	String rotate(@PathVariable long id, Locale locale, HttpServletResponse response, Model model) {
		return secret(desk.secret(desk.rotate(id), false, console.texts(locale)), HttpStatus.OK, response, model);
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable long id) {
		desk.revoke(id);
		return "redirect:" + BASE + "/" + id + "?done=device-revoked";
	}

	@PostMapping("/{id}/bindings")
	String bind(@PathVariable long id, @RequestParam(defaultValue = "") String datastream, Locale locale,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Texts texts = console.texts(locale);
		try {
			desk.bind(id, datastream, texts);
			return "redirect:" + BASE + "/" + id + "?done=device-bound";
		}
		catch (FormRefused refused) {
			response.setStatus(refused.status().value());
			model.addAttribute("page", desk.detail(texts, ReadContext.of(request), id, refused.problems(), null));
			return "portal/operator/device";
		}
	}

	@PostMapping("/{id}/bindings/{datastream}/delete")
	String unbind(@PathVariable long id, @PathVariable long datastream) {
		desk.unbind(id, datastream);
		return "redirect:" + BASE + "/" + id + "?done=device-unbound";
	}

	/** The one page that shows a secret: not kept by any cache, nor in the address. */
	static String secret(Secret secret, HttpStatus status, HttpServletResponse response, Model model) {
		response.setStatus(status.value());
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Pragma", "no-cache");
		model.addAttribute("page", secret);
		return "portal/operator/secret";
	}

}

package org.cabildo.portal.operator;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.cabildo.identity.Caller;
import org.cabildo.identity.Device;
import org.cabildo.identity.Issued;
import org.cabildo.identity.OrganisationDevices;
import org.cabildo.identity.Role;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.CityTime;
import org.cabildo.sensing.Inventory;
import org.cabildo.sensing.ReadContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The devices of the caller's organisations, managed through the identity API's own service
 * ({@link OrganisationDevices}): an admin of the device's organisation (and of every organisation
 * owning a Datastream it writes to) manages it, and binds it only to its organisation's Datastreams.
 */
@Component
class DeviceDesk {

	static final int PAGE = 50;

	/** The most Datastreams the bind form offers: the organisation's newest. */
	static final int BINDABLE = Inventory.MAX_PAGE;

	private final Console console;

	private final OrganisationDevices devices;

	private final Inventory inventory;

	private final CityTime city;

	private final Clock clock;

	DeviceDesk(Console console, OrganisationDevices devices, Inventory inventory, CityTime city, Clock clock) {
		this.console = console;
		this.devices = devices;
		this.inventory = inventory;
		this.city = city;
		this.clock = clock;
	}

	/**
	 * The organisation whose devices a page shows: the one asked for, else the first the caller is
	 * admin of, else the first they operate (whose devices the API then refuses them, in its words).
	 */
	long organisation(Long asked) {
		if (asked != null) {
			return asked;
		}
		Caller caller = console.caller();
		Set<Long> admin = caller.organisationsWith(Role.ADMIN);
		Set<Long> operated = caller.organisationsWith(Role.OPERATOR);
		if (!admin.isEmpty()) {
			return admin.iterator().next();
		}
		if (!operated.isEmpty()) {
			return operated.iterator().next();
		}
		throw new ApiException(HttpStatus.FORBIDDEN, "managing devices needs the admin role in an organisation")
			.with("rule", "admin");
	}

	DevicePages.Listing list(Texts texts, long organisation, int page, DevicePages.NewDevice form, Problems problems,
			String done) {
		List<Device> all = devices.of(organisation);
		long skip = Pager.skip(page, PAGE);
		List<Device> shown = all.stream()
			.sorted(Comparator.comparingLong(Device::id).reversed())
			.skip(skip)
			.limit(PAGE)
			.toList();
		Set<Long> mine = new TreeSet<>(console.caller().organisationsWith(Role.ADMIN));
		mine.addAll(console.caller().organisationsWith(Role.OPERATOR));
		mine.add(organisation);
		return new DevicePages.Listing(console.choices(mine, organisation), console.name(organisation), organisation,
				shown.stream().map(device -> row(device, texts)).toList(),
				Pager.of(page, PAGE, shown.size(), all.size(), texts), form, problems, Notice.of(done, texts));
	}

	/** Creates the device the form describes; its secret is in the answer only. */
	Issued create(DevicePages.NewDevice form, Texts texts) {
		Problems problems = Problems.none();
		if (form.name().isBlank()) {
			problems.add("name", texts.problem("operator.problem.required"));
		}
		Instant expires = Expiry.of(form.expires(), "expires", problems, texts, city, clock);
		if (!form.organisation().matches("\\d{1,18}")) {
			problems.add(Problems.FORM, texts.problem("operator.problem.organisation"));
		}
		FormRefused.unless(problems);
		long organisation = Long.parseLong(form.organisation());
		return FormRefused.asked(texts, pointer -> "name", "name",
				() -> devices.create(form.name().strip(), organisation, expires));
	}

	DevicePages.Detail detail(Texts texts, ReadContext reader, long id, Problems problems, String done) {
		Device device = devices.get(id);
		List<DevicePages.Binding> bindings = inventory.datastreams(reader, device.datastreams())
			.stream()
			.map(entry -> new DevicePages.Binding(entry.id(), entry.name(), entry.thing(), entry.observedProperty()))
			.toList();
		Set<Long> bound = new TreeSet<>(device.datastreams());
		List<Choice> bindable = device.revokedAt() != null ? List.of()
				: inventory.datastreamsOf(reader, Set.of(device.organisation()), BINDABLE)
					.stream()
					.filter(entry -> !bound.contains(entry.id()))
					.map(entry -> new Choice(Long.toString(entry.id()),
							texts.text("operator.device.bindable", entry.name(), Long.toString(entry.id()),
								entry.observedProperty()),
							false))
					.toList();
		return new DevicePages.Detail(row(device, texts), console.name(device.organisation()), bindings, bindable,
				problems, Notice.of(done, texts));
	}

	Issued rotate(long id) {
		return devices.rotate(id);
	}

	void revoke(long id) {
		devices.revoke(id);
	}

	void bind(long id, String datastream, Texts texts) {
		if (!datastream.strip().matches("\\d{1,18}")) {
			throw new FormRefused(Problems.none().add("datastream", texts.problem("operator.problem.datastream")),
					HttpStatus.BAD_REQUEST);
		}
		FormRefused.asked(texts, pointer -> "datastream", "datastream",
				() -> devices.bind(id, Long.parseLong(datastream.strip())), HttpStatus.NOT_FOUND);
	}

	void unbind(long id, long datastream) {
		devices.unbind(id, datastream);
	}

	/** The page that shows a device's secret, this once. */
	Secret secret(Issued issued, boolean created, Texts texts) {
		return new Secret(texts.text(created ? "operator.secret.device-created" : "operator.secret.device-rotated",
				issued.name()), issued.secret(),
				issued.expiresAt() == null ? texts.text("operator.secret.no-expiry")
						: texts.text("operator.secret.expires", texts.time(issued.expiresAt())),
				texts.text("operator.secret.device-use", issued.name()), "/console/operator/devices/" + issued.id(),
				texts.text("operator.secret.device-back"));
	}

	private DevicePages.Row row(Device device, Texts texts) {
		boolean expired = device.expiresAt() != null && !device.expiresAt().isAfter(clock.instant());
		String status = device.revokedAt() != null ? texts.text("operator.status.revoked", texts.time(device.revokedAt()))
				: expired ? texts.text("operator.status.expired") : texts.text("operator.status.active");
		return new DevicePages.Row(device.id(), device.name(), texts.time(device.createdAt()),
				device.expiresAt() == null ? texts.text("operator.status.never") : texts.time(device.expiresAt()), status,
				texts.number(device.datastreams().size()), device.revokedAt() == null && !expired);
	}

}

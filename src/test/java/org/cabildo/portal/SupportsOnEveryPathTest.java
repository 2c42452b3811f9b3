package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.cabildo.support.PortalClient;
import org.cabildo.support.TestMailbox;
import org.cabildo.support.TestResidents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One support per verified resident holds whichever way a support comes, the API or the portal's
 * form, for random callers in a random order: verified residents support and withdraw through
 * either, and nobody else (anyone without an account, a resident whose address is not verified,
 * the city's staff) changes the count through either. After every step the counter, the rows,
 * the API and the portal's page all say what the model says. Once hidden, the proposal is gone
 * from every path, and supports on either are refused with nothing counted.
 */
@IntegrationTest
class SupportsOnEveryPathTest {

	private static final String PROPOSALS = "/api/participation/proposals";

	@LocalServerPort
	int port;

	@Autowired
	TestMailbox mailbox;

	@Autowired
	JdbcClient jdbc;

	/** Someone who may try to support, on both paths. */
	private record Someone(String who, Api api, PortalClient portal, boolean counts) {
	}

	private Someone verified(int n) {
		Api api = TestResidents.verified(port, mailbox);
		String email = api.get("/api/residents/me").json().path("email").asString();
		PortalClient portal = new PortalClient(port);
		assertThat(portal.signIn(email, TestResidents.PASSWORD).status()).isEqualTo(302);
		return new Someone("verified resident " + n, api, portal, true);
	}

	@Test
	void oneSupportPerVerifiedResidentWhicheverWayItComes() throws Exception {
		long seed = new Random().nextLong();
		Random random = new Random(seed);
		List<Someone> people = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			people.add(verified(i));
		}
		Api unverified = TestResidents.unverified(port);
		PortalClient unverifiedPortal = new PortalClient(port);
		assertThat(unverifiedPortal.signIn(unverified.get("/api/residents/me").json().path("email").asString(),
				TestResidents.PASSWORD).status()).isEqualTo(302);
		people.add(new Someone("unverified resident", unverified, unverifiedPortal, false));
		people.add(new Someone("anyone", Api.anonymous(port), new PortalClient(port), false));
		PortalClient staffPortal = new PortalClient(port);
		staffPortal.signIn(Api.TEST_USER, Api.TEST_PASSWORD);
		people.add(new Someone("staff", new Api(port), staffPortal, false));

		Api.Response made = people.get(0).api().post(PROPOSALS, Map.of("title", "Por todos los caminos", "text",
				"Un apoyo por persona.", "category", "movilidad"));
		assertThat(made.status()).as("%s", made).isEqualTo(201);
		long id = made.json().path("id").asLong();
		String page = "/proposals/" + id + "?lang=en";

		Set<String> supporting = new HashSet<>();
		for (int step = 0; step < 40; step++) {
			Someone someone = people.get(random.nextInt(people.size()));
			boolean support = random.nextInt(3) > 0;
			boolean throughPortal = random.nextBoolean();
			String what = "seed " + seed + ", step " + step + ": " + someone.who() + (support ? " supports" : " withdraws")
					+ (throughPortal ? " with the portal's form" : " through the API");
			int status;
			if (throughPortal) {
				String action = "/proposals/" + id + (support ? "/support" : "/withdraw");
				status = someone.portal().submit(page, action, Map.of()).status();
			}
			else {
				status = support ? someone.api().post(PROPOSALS + "/" + id + "/supports", null).status()
						: someone.api().delete(PROPOSALS + "/" + id + "/supports").status();
			}
			if (someone.counts()) {
				boolean had = supporting.contains(someone.who());
				if (support && had) {
					assertThat(status).as(what).isEqualTo(409);
				}
				else {
					assertThat(status).as(what).isIn(201, 204, 303);
				}
				if (support) {
					supporting.add(someone.who());
				}
				else {
					supporting.remove(someone.who());
				}
			}
			else {
				// refused before or in the service; never counted
				assertThat(status).as(what).isIn(204, 302, 303, 401, 403);
			}
			int expected = supporting.size();
			assertThat(jdbc.sql("SELECT supports FROM proposals WHERE id = ?").param(id).query(Integer.class).single())
				.as(what).isEqualTo(expected);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM proposal_supports WHERE proposal_id = ?").param(id)
				.query(Integer.class).single()).as(what).isEqualTo(expected);
			assertThat(Api.anonymous(port).get(PROPOSALS + "/" + id).json().path("supports").asInt()).as(what)
				.isEqualTo(expected);
			assertThat(StreamCardTest.text(StreamCardTest.xml(new PortalClient(port).get(page).body()),
					"//*[@id='supports']/@data-supports")).as(what).isEqualTo(Integer.toString(expected));
		}

		// hidden: gone from the API, its list, the portal's page and list; supports refused on both paths
		assertThat(new Api(port).post(PROPOSALS + "/" + id + "/hide", Map.of("reason", "spam")).status()).isEqualTo(204);
		int before = supporting.size();
		assertThat(Api.anonymous(port).get(PROPOSALS + "/" + id).status()).isEqualTo(404);
		assertThat(Api.anonymous(port).get(PROPOSALS + "?limit=100").body()).doesNotContain("Por todos los caminos");
		assertThat(new PortalClient(port).get(page).status()).isEqualTo(404);
		assertThat(new PortalClient(port).get("/proposals?lang=en").body()).doesNotContain("Por todos los caminos");
		Someone resident = people.get(random.nextInt(4));
		assertThat(resident.api().post(PROPOSALS + "/" + id + "/supports", null).status()).isEqualTo(404);
		assertThat(resident.portal().submit("/proposals?lang=en", "/proposals/" + id + "/support", Map.of()).status())
			.isEqualTo(404);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM proposal_supports WHERE proposal_id = ?").param(id)
			.query(Integer.class).single()).isEqualTo(before);
	}

}

package org.cabildo.support;

import java.util.Map;
import java.util.UUID;

/** Residents for tests: signed up and verified through the API, as a resident would. */
public final class TestResidents {

	public static final String PASSWORD = "bicicleta naranja del parque";

	private TestResidents() {
	}

	/** A new resident whose address is verified, signed in with HTTP Basic. */
	public static Api verified(int port, TestMailbox mailbox) {
		String address = "resident-" + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
		Api anyone = Api.anonymous(port);
		Api.Response signedUp = anyone.post("/api/residents", Map.of("email", address, "password", PASSWORD));
		if (signedUp.status() != 202) {
			throw new AssertionError("sign-up refused: " + signedUp);
		}
		Api.Response verified = anyone.post("/api/residents/verify", Map.of("link", mailbox.lastLinkTo(address)));
		if (verified.status() != 200) {
			throw new AssertionError("verification refused: " + verified);
		}
		return anyone.as(Api.basic(address, PASSWORD));
	}

	/** A new resident who has not verified the address yet. */
	public static Api unverified(int port) {
		String address = "unverified-" + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
		Api anyone = Api.anonymous(port);
		anyone.post("/api/residents", Map.of("email", address, "password", PASSWORD));
		return anyone.as(Api.basic(address, PASSWORD));
	}

}

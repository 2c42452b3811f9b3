package org.cabildo.participation;

/**
 * Who filed a report, as they said, for the office to answer them: never shown to the public.
 *
 * @param person the signed-in person's id, null when anonymous
 * @param address the client address the report came from, for the anonymous allowance
 * @param job the platform's own job that files (the demo city's sample reports), null for a
 *        resident: only a job files outside the residents' allowance
 */
public record Reporter(Long person, String address, String email, String firstName, String lastName, String phone,
		String deviceId, String accountId, String job) {

	/** A resident: anonymous when {@code person} is null. */
	public static Reporter resident(Long person, String address, String email, String firstName, String lastName,
			String phone, String deviceId, String accountId) {
		return new Reporter(person, address, email, firstName, lastName, phone, deviceId, accountId, null);
	}

	/** The platform's own job, filing what it was configured to (no resident's allowance is taken). */
	public static Reporter platform(String job) {
		return new Reporter(null, null, null, null, null, null, null, null, job);
	}

}

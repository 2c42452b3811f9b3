package org.cabildo.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cabildo.platform.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** NIST SP 800-63B passwords: long enough, not too long to hash, not common, not trivially guessable. */
class PasswordsTest {

	@ParameterizedTest
	@ValueSource(strings = { "demo", "1234", "seven77" })
	void shorterThanEightIsRefused(String password) {
		refused(password, "at least 8 characters");
	}

	@ParameterizedTest
	@ValueSource(strings = { "password", "Password1", "P@ssw0rd", "iloveyou", "12345678", "qwertyuiop", "drowssap",
			"sunshine", "football" })
	void commonOnesAreRefusedInAnyCaseOrDisguise(String password) {
		refused(password, "among the most common ones");
	}

	@ParameterizedTest
	@ValueSource(strings = { "aaaaaaaaaaaa", "abcdefghijkl" })
	void trivialOnesAreRefused(String password) {
		refused(password, "too easy to guess");
	}

	@ParameterizedTest
	@ValueSource(strings = { "test-operator-password-7f3a", "cabildo-demo", "tortuga verde en la azotea",
			"lluvia sobre Coyoacán", "ÄÖÜäöüß-quince", "8charsXq" })
	void othersAreAcceptedWithoutCompositionRules(String password) {
		assertThatCode(() -> Passwords.check(password, "maria")).doesNotThrowAnyException();
	}

	@org.junit.jupiter.api.Test
	void sixtyFourCharactersAreAcceptedAndNoMore() {
		String long64 = "una frase larga que nadie adivina: el ajolote canta en Xochimilco";
		assertThatCode(() -> Passwords.check(long64.substring(0, 64), "maria")).doesNotThrowAnyException();
		refused(long64 + "!", "at most 64 characters");
		// bcrypt hashes 72 bytes: 30 characters of three bytes each are too many
		refused("日本語のパスワードはとても長いです、覚えやすいけれども推測しにくい文章", "at most 72 bytes");
	}

	@org.junit.jupiter.api.Test
	void theUsernameIsNoPassword() {
		assertThatCode(() -> Passwords.check("maria.garcia", "someone")).doesNotThrowAnyException();
		refused("maria.garcia", "maria.garcia", "too easy to guess");
	}

	private static void refused(String password, String why) {
		refused(password, "maria", why);
	}

	private static void refused(String password, String username, String why) {
		assertThatThrownBy(() -> Passwords.check(password, username)).isInstanceOf(ApiException.class)
			.hasMessageContaining(why)
			.satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ApiException) e).status().value())
				.isEqualTo(400));
	}

}

package org.cabildo.governance.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

	@TempDir
	Path directory;

	@Test
	@DisplayName("a missing key is generated as PKCS#8 PEM readable by its owner only, and loaded again the same")
	void generatesOnceThenLoads() throws Exception {
		Path file = directory.resolve("keys/ledger.pem");
		SigningKey generated = new SigningKey(file);
		assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n");
		if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
		SigningKey loaded = new SigningKey(file);
		assertThat(loaded.publicKeyBase64()).isEqualTo(generated.publicKeyBase64());
		String signature = generated.sign("a message");
		assertThat(loaded.verifies("a message", signature)).isTrue();
		assertThat(loaded.verifies("another message", signature)).isFalse();
		assertThat(loaded.verifies("a message", "not base64!")).isFalse();
		assertThat(loaded.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
	}

	@Test
	@DisplayName("a key file that holds no Ed25519 key stops the start, naming the file")
	void refusesAnotherKey() throws Exception {
		Path file = directory.resolve("bad.pem");
		Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
		assertThatThrownBy(() -> new SigningKey(file)).hasMessageContaining(file.toString());
	}

}

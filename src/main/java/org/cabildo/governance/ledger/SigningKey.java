package org.cabildo.governance.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import org.cabildo.governance.GovernanceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs checkpoints, kept in a PKCS#8 PEM file that only its owner may read.
 * Generated on first start; the public key is derived from the private one, so the file is the
 * only thing to keep (and to back up: checkpoints signed with a lost key no longer verify).
 */
@Component
class SigningKey {

	static final String ALGORITHM = "Ed25519";

	private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

	private final PrivateKey privateKey;

	private final PublicKey publicKey;

	@Autowired
	SigningKey(GovernanceSettings settings) {
		this(Path.of(settings.ledger().keyFile()));
	}

	SigningKey(Path file) {
		try {
			if (!Files.exists(file)) {
				generate(file);
			}
			this.privateKey = KeyFactory.getInstance(ALGORITHM)
				.generatePrivate(new PKCS8EncodedKeySpec(pem(Files.readString(file, StandardCharsets.US_ASCII))));
			this.publicKey = publicOf(privateKey);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read or write the ledger signing key " + file.toAbsolutePath(), e);
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalStateException("the ledger signing key " + file.toAbsolutePath()
					+ " is not an Ed25519 private key in PKCS#8 PEM", e);
		}
	}

	/** The base64 signature of the message's UTF-8 bytes. */
	String sign(String message) {
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initSign(privateKey);
			signature.update(message.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(signature.sign());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("every JDK 15+ signs with Ed25519", e);
		}
	}

	boolean verifies(String message, String signature) {
		try {
			Signature verifier = Signature.getInstance(ALGORITHM);
			verifier.initVerify(publicKey);
			verifier.update(message.getBytes(StandardCharsets.UTF_8));
			return verifier.verify(Base64.getDecoder().decode(signature));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

	/** The public key as X.509 SubjectPublicKeyInfo, base64. */
	String publicKeyBase64() {
		return Base64.getEncoder().encodeToString(publicKey.getEncoded());
	}

	String publicKeyPem() {
		return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' })
			.encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
	}

	private static void generate(Path file) throws IOException, GeneralSecurityException {
		KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
		String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' })
			.encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
		Path directory = file.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		// Written to a file readable by its owner only, then moved in place, so no one else sees the key.
		Path temporary = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
				? Files.createTempFile(directory, "ledger-key", ".tmp",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
				: Files.createTempFile(directory, "ledger-key", ".tmp");
		Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
		Files.move(temporary, file);
		log.info("Generated the ledger signing key {}; keep it with the database's backups", file.toAbsolutePath());
	}

	private static byte[] pem(String text) {
		String body = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
		return Base64.getDecoder().decode(body);
	}

	/**
	 * The JDK derives no public key from a private one, but its generator takes the private key
	 * (32 bytes) from the random source it is given: given those bytes, it yields the same pair.
	 */
	private static PublicKey publicOf(PrivateKey key) throws GeneralSecurityException {
		byte[] seed = ((EdECPrivateKey) key).getBytes()
			.orElseThrow(() -> new GeneralSecurityException("the private key does not reveal its bytes"));
		SecureRandom replay = new SecureRandom() {

			@Override
			public void nextBytes(byte[] bytes) {
				System.arraycopy(seed, 0, bytes, 0, bytes.length);
			}

		};
		KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
		generator.initialize(NamedParameterSpec.ED25519, replay);
		return generator.generateKeyPair().getPublic();
	}

}

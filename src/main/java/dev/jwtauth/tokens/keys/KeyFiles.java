package dev.jwtauth.tokens.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * Signing keys kept as PEM files in the key directory, one key a file, named by the
 * instant the key starts signing: {@code 20261123T100000Z.pem} (a {@code -label} may
 * follow the instant). Each file holds a PKCS#8 private key, as {@code openssl genpkey}
 * writes it; the public key is derived from it. Files this service writes are readable
 * by their owner only.
 */
final class KeyFiles {

	private static final Log log = LogFactory.getLog(KeyFiles.class);

	static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Pattern NAME = Pattern.compile("(\\d{8}T\\d{6}Z)(-[A-Za-z0-9_.-]+)?\\.pem");

	private static final Pattern PRIVATE_PEM = Pattern
		.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

	private KeyFiles() {
	}

	/** A key as loaded: which algorithm it serves and from when it signs. */
	record StoredKey(String algorithm, PrivateKey privateKey, PublicKey publicKey, Instant activatesAt) {
	}

	/** Every readable key of the directory that serves {@code algorithm}, oldest first. */
	static List<StoredKey> load(Path directory, String algorithm) throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		List<StoredKey> keys = new ArrayList<>();
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.sorted().toList()) {
				read(file).filter((key) -> key.algorithm().equals(algorithm)).ifPresent(keys::add);
			}
		}
		return keys;
	}

	private static Optional<StoredKey> read(Path file) {
		Matcher name = NAME.matcher(file.getFileName().toString());
		if (!name.matches()) {
			return Optional.empty();
		}
		try {
			Instant activatesAt = NAME_TIME.parse(name.group(1), Instant::from);
			Matcher pem = PRIVATE_PEM.matcher(Files.readString(file, StandardCharsets.US_ASCII));
			if (!pem.find()) {
				log.warn("Ignoring " + file + ": no PKCS#8 PRIVATE KEY block");
				return Optional.empty();
			}
			byte[] pkcs8 = Base64.getMimeDecoder().decode(pem.group(1));
			return Optional.of(fromPkcs8(pkcs8, activatesAt));
		}
		catch (IOException | GeneralSecurityException | DateTimeParseException | IllegalArgumentException ex) {
			log.warn("Ignoring key file " + file + ": " + ex.getMessage());
			return Optional.empty();
		}
	}

	private static StoredKey fromPkcs8(byte[] pkcs8, Instant activatesAt) throws IOException, GeneralSecurityException {
		AsymmetricKeyParameter parameters = PrivateKeyFactory.createKey(pkcs8);
		AsymmetricKeyParameter publicParameters;
		String algorithm;
		String jcaName;
		if (parameters instanceof RSAPrivateCrtKeyParameters rsa) {
			publicParameters = new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
			algorithm = "RS256";
			jcaName = "RSA";
			if (rsa.getModulus().bitLength() < 2048) {
				throw new IllegalArgumentException("RSA keys need at least 2048 bits");
			}
		}
		else if (parameters instanceof ECPrivateKeyParameters ec) {
			if (ec.getParameters().getCurve().getFieldSize() != 256) {
				throw new IllegalArgumentException("EC keys must be on P-256");
			}
			publicParameters = new ECPublicKeyParameters(ec.getParameters().getG().multiply(ec.getD()).normalize(),
					ec.getParameters());
			algorithm = "ES256";
			jcaName = "EC";
		}
		else if (parameters instanceof Ed25519PrivateKeyParameters ed) {
			publicParameters = ed.generatePublicKey();
			algorithm = "EdDSA";
			jcaName = "Ed25519";
		}
		else {
			throw new IllegalArgumentException("unsupported key type");
		}
		SubjectPublicKeyInfo info = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicParameters);
		KeyFactory factory = KeyFactory.getInstance(jcaName);
		return new StoredKey(algorithm, factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)),
				factory.generatePublic(new X509EncodedKeySpec(info.getEncoded())), activatesAt);
	}

	/** Generates a key for the algorithm and writes it, owner-only, to sign from {@code activatesAt}. */
	static Path generate(Path directory, String algorithm, Instant activatesAt) throws IOException {
		KeyPair pair = newKeyPair(algorithm);
		Files.createDirectories(directory);
		Path file = directory.resolve(NAME_TIME.format(activatesAt) + ".pem");
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(pair.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		else {
			Files.createFile(file);
		}
		Files.writeString(file, pem, StandardCharsets.US_ASCII);
		return file;
	}

	private static KeyPair newKeyPair(String algorithm) {
		try {
			return switch (algorithm) {
				case "RS256" -> {
					KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
					generator.initialize(3072);
					yield generator.generateKeyPair();
				}
				case "ES256" -> {
					KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
					generator.initialize(new ECGenParameterSpec("secp256r1"));
					yield generator.generateKeyPair();
				}
				case "EdDSA" -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
				default -> throw new IllegalArgumentException("no key pair for " + algorithm);
			};
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

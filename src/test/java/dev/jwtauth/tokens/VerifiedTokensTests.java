package dev.jwtauth.tokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.accounts.Role;
import dev.jwtauth.testing.AdjustableClock;
import dev.jwtauth.testing.CraftedTokens;
import dev.jwtauth.tokens.keys.SigningKeys;
import dev.jwtauth.tokens.keys.TestSigningKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The memory of verified tokens saves the signature check on a repeated token and on
 * nothing else: not on a changed token, not past expiry, not after the keys change. The
 * memory of refused tokens saves it on a replayed forgery, and never turns a refusal
 * into an acceptance or keeps a token refused that may pass later.
 */
class VerifiedTokensTests {

	private static final byte[] SECRET = "0123456789abcdef0123456789abcdef-test-only".getBytes(StandardCharsets.UTF_8);

	// the most memory refused tokens may take
	private static final long REFUSED_MEMORY_BYTES = 4L * 1024 * 1024;

	private final AdjustableClock clock = new AdjustableClock();

	private final AtomicInteger codecChecks = new AtomicInteger();

	@TempDir
	Path directory;

	private AccessTokenCodec countingCodec(SigningKeys keys, TokenProperties properties) {
		return new AccessTokenCodec(keys, properties, this.clock) {
			@Override
			VerifiedToken verify(String token) {
				VerifiedTokensTests.this.codecChecks.incrementAndGet();
				return super.verify(token);
			}
		};
	}

	private VerifiedTokens hmacTokens(AccessTokenCodec[] codec) {
		SigningKeys keys = TestSigningKeys.hmac(SECRET);
		TokenProperties properties = TestTokenProperties.defaults(null, Path.of("unused"));
		codec[0] = countingCodec(keys, properties);
		return new VerifiedTokens(codec[0], keys, properties, this.clock);
	}

	private static AccountDetails account() {
		return new AccountDetails(UUID.randomUUID(), "alice", null, null, EnumSet.of(Role.USER), true, Instant.now());
	}

	@Test
	void tokenWhenPresentedAgainThenNotCheckedAgain() {
		AccessTokenCodec[] codec = new AccessTokenCodec[1];
		VerifiedTokens tokens = hmacTokens(codec);
		String token = codec[0].issue(account(), UUID.randomUUID()).value();
		VerifiedToken first = tokens.verify(token);
		VerifiedToken again = tokens.verify(token);
		assertThat(again).isEqualTo(first);
		assertThat(this.codecChecks).hasValue(1);
	}

	@Test
	void tokenWhenSignatureAlteredAfterTheGenuineOneWasSeenThenRefused() {
		AccessTokenCodec[] codec = new AccessTokenCodec[1];
		VerifiedTokens tokens = hmacTokens(codec);
		String token = codec[0].issue(account(), UUID.randomUUID()).value();
		VerifiedToken genuine = tokens.verify(token);
		String signature = token.substring(token.lastIndexOf('.') + 1);
		String forged = token.substring(0, token.lastIndexOf('.') + 1) + new StringBuilder(signature).reverse();
		assertThatThrownBy(() -> tokens.verify(forged)).isInstanceOf(InvalidTokenException.class)
			.hasMessage("The token's signature is invalid.");
		// the genuine token, seen before, still passes beside it
		assertThat(tokens.verify(token)).isEqualTo(genuine);
		assertThat(this.codecChecks).hasValue(2);
	}

	@Test
	void forgedTokenWhenReplayedThenRefusedFromMemoryWithTheSameReason() {
		AccessTokenCodec[] codec = new AccessTokenCodec[1];
		VerifiedTokens tokens = hmacTokens(codec);
		AccountDetails account = account();
		String token = codec[0].issue(account, UUID.randomUUID()).value();
		String forged = withSignatureAltered(token);
		for (int attempt = 0; attempt < 5; attempt++) {
			assertThatThrownBy(() -> tokens.verify(forged)).isInstanceOf(InvalidTokenException.class)
				.hasMessage("The token's signature is invalid.");
		}
		assertThat(this.codecChecks).hasValue(1);
		// the genuine token differs from the forgery only in its signature, and is checked on its own
		assertThat(tokens.verify(token).accountId()).isEqualTo(account.id());
		assertThat(this.codecChecks).hasValue(2);
	}

	@Test
	void refusalsWhenFloodedWithDistinctGarbageThenMemoryStaysBoundedAndForgeriesStillRefusedFromIt() {
		AccessTokenCodec[] codec = new AccessTokenCodec[1];
		VerifiedTokens tokens = hmacTokens(codec);
		// what anyone can send without logging in: short strings that are not JWTs at all
		for (int n = 0; n < 100_000; n++) {
			assertThat(refusal(tokens, Integer.toHexString(n))).isEqualTo("The token is not a compact signed JWT.");
		}
		assertThat(tokens.rememberedRefusals()).isZero();

		// well-formed tokens under a key the service does not have: each costs a signature check
		byte[] attackerKey = "attacker-controlled-secret-32-bytes-long".getBytes(StandardCharsets.UTF_8);
		int shortest = Integer.MAX_VALUE;
		for (int n = 0; n < 30_000; n++) {
			String forged = CraftedTokens.hs256(Map.of("n", n), attackerKey);
			shortest = Math.min(shortest, forged.length());
			assertThat(refusal(tokens, forged)).isEqualTo("The token's signature is invalid.");
		}
		// each remembered refusal costs the heap at least 200 bytes beyond its characters
		assertThat(tokens.rememberedRefusals()).isPositive()
			.isLessThanOrEqualTo(REFUSED_MEMORY_BYTES / (200 + shortest));

		// a forgery replayed after the flood still costs one check, not one per replay
		String token = codec[0].issue(account(), UUID.randomUUID()).value();
		String forged = withSignatureAltered(token);
		int checksBefore = this.codecChecks.get();
		for (int attempt = 0; attempt < 5; attempt++) {
			assertThat(refusal(tokens, forged)).isEqualTo("The token's signature is invalid.");
		}
		assertThat(this.codecChecks.get() - checksBefore).isEqualTo(1);
	}

	/** The token with its signature's first character changed, which carries six of its bits. */
	private static String withSignatureAltered(String token) {
		int signatureStart = token.lastIndexOf('.') + 1;
		return token.substring(0, signatureStart) + (token.charAt(signatureStart) == 'A' ? 'B' : 'A')
				+ token.substring(signatureStart + 1);
	}

	private static String refusal(VerifiedTokens tokens, String token) {
		try {
			tokens.verify(token);
		}
		catch (InvalidTokenException ex) {
			return ex.getDescription();
		}
		throw new AssertionError("the token was accepted");
	}

	@Test
	void tokenWhenRefusedAsNotValidYetThenAcceptedOnceItsTimeComes() {
		AccessTokenCodec[] codec = new AccessTokenCodec[1];
		VerifiedTokens tokens = hmacTokens(codec);
		// minted by an instance whose clock runs five minutes ahead
		this.clock.advance(Duration.ofMinutes(5));
		String token = codec[0].issue(account(), UUID.randomUUID()).value();
		this.clock.advance(Duration.ofMinutes(-5));
		assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidTokenException.class)
			.hasMessage("The token is not valid yet.");
		assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidTokenException.class);
		assertThat(this.codecChecks).hasValue(2);
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(tokens.verify(token).expiresAt()).isAfter(this.clock.instant());
	}

	@Test
	void tokenWhenRefusedForAnUnknownKeyThenAcceptedOnceTheReloaderReadsTheKey() throws Exception {
		// Another instance made a new key and signed with it; this one has not read it yet.
		Path elsewhere = Files.createDirectory(this.directory.resolve("elsewhere"));
		Path here = Files.createDirectory(this.directory.resolve("here"));
		SigningKeys keys = TestSigningKeys.fromDirectory("ES256", here, this.clock);
		// key files are named by the second they take effect: the new one is a little younger
		this.clock.advance(Duration.ofSeconds(2));
		SigningKeys otherKeys = TestSigningKeys.fromDirectory("ES256", elsewhere, this.clock);
		TokenProperties properties = TestTokenProperties.with(null, Path.of("unused"), null, "ES256", here);
		Runnable reloader = TestSigningKeys.reloader(keys, properties);
		AccessTokenCodec codec = countingCodec(keys, properties);
		VerifiedTokens tokens = new VerifiedTokens(codec, keys, properties, this.clock);
		String token = new AccessTokenCodec(otherKeys, properties, this.clock).issue(account(), UUID.randomUUID())
			.value();
		reloader.run();
		assertThat(refusal(tokens, token)).isEqualTo("The token's signature is invalid.");

		// the new key reaches this instance's directory and is read
		try (Stream<Path> files = Files.list(elsewhere)) {
			for (Path file : files.toList()) {
				Files.copy(file, here.resolve(file.getFileName()));
			}
		}
		reloader.run();

		assertThat(tokens.verify(token).expiresAt()).isAfter(this.clock.instant());
	}

	@Test
	void refusalWhenRememberedThenCheckedAgainOnceTheKeysChange() throws Exception {
		SigningKeys keys = TestSigningKeys.fromDirectory("ES256", this.directory, this.clock);
		TokenProperties properties = TestTokenProperties.with(null, Path.of("unused"), null, "ES256", this.directory);
		AccessTokenCodec codec = countingCodec(keys, properties);
		VerifiedTokens tokens = new VerifiedTokens(codec, keys, properties, this.clock);
		String token = codec.issue(account(), UUID.randomUUID()).value();
		String forged = withSignatureAltered(token);
		assertThat(refusal(tokens, forged)).isEqualTo("The token's signature is invalid.");
		assertThat(refusal(tokens, forged)).isEqualTo("The token's signature is invalid.");
		assertThat(this.codecChecks).hasValue(1);

		// a key rotated in changes the set of keys: what was refused under the old set is checked again
		TestSigningKeys.rotation(properties, this.clock).rotate(Duration.ofMinutes(1));
		TestSigningKeys.reloader(keys, properties).run();
		assertThat(refusal(tokens, forged)).isEqualTo("The token's signature is invalid.");
		assertThat(this.codecChecks).hasValue(2);
	}

	@Test
	void tokenWhenRememberedAndThenExpiredThenRefused() {
		AccessTokenCodec[] codec = new AccessTokenCodec[1];
		VerifiedTokens tokens = hmacTokens(codec);
		String token = codec[0].issue(account(), UUID.randomUUID()).value();
		tokens.verify(token);
		// 15 minutes of life plus 30 s of tolerated clock skew, and a little more
		this.clock.advance(Duration.ofMinutes(15).plusSeconds(31));
		assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidTokenException.class)
			.hasMessage("The token has expired.");
	}

	@Test
	void tokenWhenItsKeyIsReplacedInTheKeyDirectoryThenRefusedThoughRemembered() throws Exception {
		SigningKeys keys = TestSigningKeys.fromDirectory("ES256", this.directory, this.clock);
		TokenProperties properties = TestTokenProperties.with(null, Path.of("unused"), null, "ES256", this.directory);
		Runnable reloader = TestSigningKeys.reloader(keys, properties);
		reloader.run();
		AccessTokenCodec codec = countingCodec(keys, properties);
		VerifiedTokens tokens = new VerifiedTokens(codec, keys, properties, this.clock);
		String token = codec.issue(account(), UUID.randomUUID()).value();
		tokens.verify(token);

		// an operator withdraws a leaked key: a new one replaces it in the directory
		try (Stream<Path> files = Files.list(this.directory)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		TestSigningKeys.rotation(properties, this.clock).rotate(Duration.ZERO);
		reloader.run();

		assertThat(refusal(tokens, token)).isEqualTo("The token's signature is invalid.");
	}

}

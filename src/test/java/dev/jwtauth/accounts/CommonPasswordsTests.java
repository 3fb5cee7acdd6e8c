package dev.jwtauth.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommonPasswordsTests {

	private final CommonPasswords common = new CommonPasswords();

	@Test
	void listWhenLoadedThenHoldsTheWholeListAndIgnoresCase() {
		assertThat(this.common.size()).isGreaterThan(95_000);
		assertThat(this.common.contains("password")).isTrue();
		assertThat(this.common.contains("PassWord")).isTrue();
		assertThat(this.common.contains("123456")).isTrue();
		// ranks near the end of the list are found as well as the first ones
		assertThat(this.common.contains("zxcvbnm")).isTrue();
		assertThat(this.common.contains("correct-Horse-battery-9-staple")).isFalse();
	}

	@Test
	void listWhenReadingThenReadsOnALowestPriorityDaemonThread() {
		CommonPasswords reading = new CommonPasswords();
		// reading 100,000 words takes hundreds of milliseconds: the reader is still there
		Thread reader = Thread.getAllStackTraces().keySet().stream()
			.filter((thread) -> thread.getName().startsWith("common-passwords-")).findFirst().orElseThrow();
		assertThat(reader.isDaemon()).isTrue();
		assertThat(reader.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
		assertThat(reading.contains("password")).isTrue();
	}

}

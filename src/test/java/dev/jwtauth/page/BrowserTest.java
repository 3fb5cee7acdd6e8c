package dev.jwtauth.page;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the page in a real browser against the whole service on a random port.
 * Tagged {@code browser}: the plain build skips it, {@code -Pbrowser-tests} runs it.
 * The account lockout is lowered to three failures so that the 429 comes quickly.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "login.account-max-failures=3", "login.failure-window=15m" })
@ActiveProfiles("test")
@interface BrowserTest {

}

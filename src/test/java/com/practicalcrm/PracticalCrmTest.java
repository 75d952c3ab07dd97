package com.practicalcrm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring test configuration: the whole app on a real embedded MariaDB and a real web server. Every
 * test class uses exactly this, so Spring builds one context (and starts one database) per test JVM. Mail goes
 * over SMTP to a GreenMail server started before the context ({@link TestMailServer}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestMailServer.class)
@Import({TestAccounts.class, MutableTestClock.class, TestMailQueue.class})
public @interface PracticalCrmTest {
}

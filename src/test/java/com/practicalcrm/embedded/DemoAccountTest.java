package com.practicalcrm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.account.UserService;
import com.practicalcrm.signin.ThrottledAuthenticationProvider;

@PracticalCrmTest
class DemoAccountTest {

    @Autowired
    UserService users;
    @Autowired
    ThrottledAuthenticationProvider signIn;

    @Test
    void firstStartCreatesADemoAccountThatSignsInWithThePublishedPasswordAndLaterStartsKeepIt() throws Exception {
        DemoAccount demo = new DemoAccount(users);
        demo.run(null);
        var created = users.findProfileByEmail(DemoAccount.EMAIL).orElseThrow();
        demo.run(null);

        assertThat(users.findProfileByEmail(DemoAccount.EMAIL)).contains(created);
        assertThat(signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                "demo@practicalcrm.example", "orange-kettle-harbor-71")).isAuthenticated()).isTrue();
    }
}

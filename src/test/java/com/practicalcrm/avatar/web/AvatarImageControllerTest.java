package com.practicalcrm.avatar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.avatar.AvatarFixtures;
import com.practicalcrm.avatar.AvatarService;
import com.practicalcrm.avatar.AvatarSize;
import com.practicalcrm.avatar.ProcessedAvatar;
import com.practicalcrm.avatar.StoredAvatar;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.security.AppUserPrincipal;

@PracticalCrmTest
class AvatarImageControllerTest {

    @Autowired
    WebApplicationContext context;
    /** The app's browser-protection headers (nosniff among them), written for every response. */
    @Autowired
    @Qualifier("securityHeadersFilter")
    FilterRegistrationBean<?> securityHeaders;
    @Autowired
    AvatarService avatars;
    @Autowired
    TestAccounts accounts;

    MockMvc mvc;
    UserProfile owner;
    ProcessedAvatar picture;
    StoredAvatar stored;

    @BeforeEach
    void storePicture() {
        mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(securityHeaders.getFilter())
                .apply(springSecurity()).build();
        owner = accounts.create("Annie Easley");
        picture = avatars.process(owner.id(), AvatarFixtures.jpeg(640, 480));
        stored = avatars.replace(owner.id(), picture, ClientInfo.UNKNOWN);
    }

    @Test
    void signedInUserGetsThePictureWithLongPrivateCachingAndNoSniffing() throws Exception {
        UserProfile colleague = accounts.create("Mary Jackson");

        mvc.perform(get("/" + stored.url(AvatarSize.SMALL)).with(signedIn(colleague)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().stringValues("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("ETag", "\"" + stored.version() + "-small\""))
                .andExpect(header().string("Cache-Control", "max-age=31536000, private, immutable"))
                .andExpect(content().bytes(picture.image(AvatarSize.SMALL).bytes()));
        mvc.perform(get("/" + stored.url(AvatarSize.LARGE)).with(signedIn(owner)))
                .andExpect(status().isOk())
                .andExpect(content().bytes(picture.image(AvatarSize.LARGE).bytes()));
    }

    @Test
    void revalidationWithTheETagAnswersNotModified() throws Exception {
        MvcResult first = mvc.perform(get("/" + stored.url(AvatarSize.LARGE)).with(signedIn(owner))).andReturn();
        String etag = first.getResponse().getHeader("ETag");

        MvcResult second = mvc.perform(get("/" + stored.url(AvatarSize.LARGE)).with(signedIn(owner))
                        .header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andReturn();

        assertThat(second.getResponse().getContentAsByteArray()).isEmpty();
    }

    @Test
    void anonymousVisitorGets401NotThePicture() throws Exception {
        MvcResult result = mvc.perform(get("/" + stored.url(AvatarSize.LARGE)))
                .andExpect(status().isUnauthorized())
                .andReturn();

        assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
    }

    @Test
    void replacedPictureIsNoLongerServedUnderItsOldUrl() throws Exception {
        StoredAvatar newer = avatars.replace(owner.id(), avatars.process(owner.id(), AvatarFixtures.jpeg(320, 320)),
                ClientInfo.UNKNOWN);

        mvc.perform(get("/" + stored.url(AvatarSize.LARGE)).with(signedIn(owner))).andExpect(status().isNotFound());
        mvc.perform(get("/" + newer.url(AvatarSize.LARGE)).with(signedIn(owner))).andExpect(status().isOk());
    }

    @Test
    void malformedOrUnknownAddressesAreNotFound() throws Exception {
        long id = owner.id().value();
        for (String path : List.of("/avatars/" + id + "/" + stored.version() + "/huge",
                "/avatars/" + id + "/abc/large", "/avatars/0/" + stored.version() + "/large",
                "/avatars/" + id + "/" + (stored.version() + 1) + "/large")) {
            mvc.perform(get(path).with(signedIn(owner))).andExpect(status().isNotFound());
        }
    }

    private static RequestPostProcessor signedIn(UserProfile user) {
        AppUserPrincipal principal = new AppUserPrincipal(user.id(), user.email().value(), null, 0);
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority(AppUserPrincipal.ROLE_USER),
                FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
    }
}

package com.practicalcrm.avatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.security.events.SecurityEvent;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;

@PracticalCrmTest
class AvatarServiceIntegrationTest {

    @Autowired
    AvatarService avatars;
    @Autowired
    TestAccounts accounts;
    @Autowired
    SecurityEventService events;

    @Test
    void savedPictureIsStoredInEverySizeWithItsContentType() {
        UserProfile user = accounts.create("Ada Lovelace");
        ProcessedAvatar picture = avatars.process(user.id(), AvatarFixtures.jpeg(640, 480));

        StoredAvatar stored = avatars.replace(user.id(), picture, ClientInfo.UNKNOWN);

        assertThat(avatars.find(user.id())).contains(stored);
        for (AvatarSize size : AvatarSize.values()) {
            AvatarImage image = avatars.image(user.id(), stored.version(), size).orElseThrow();
            assertThat(image.contentType()).isEqualTo("image/jpeg");
            assertThat(image.bytes()).isEqualTo(picture.image(size).bytes());
        }
        assertThat(stored.url(AvatarSize.SMALL))
                .isEqualTo("avatars/" + user.id().value() + "/" + stored.version() + "/small");
        assertThat(events.latest(user.id(), 5)).extracting(SecurityEvent::type)
                .contains(SecurityEventType.AVATAR_CHANGED);
    }

    @Test
    void newPictureReplacesTheOldOneUnderANewVersion() {
        UserProfile user = accounts.create("Grace Hopper");
        StoredAvatar first = avatars.replace(user.id(), avatars.process(user.id(), AvatarFixtures.jpeg(320, 320)),
                ClientInfo.UNKNOWN);
        ProcessedAvatar transparent = avatars.process(user.id(), AvatarFixtures.transparentPng(320, 320));

        StoredAvatar second = avatars.replace(user.id(), transparent, ClientInfo.UNKNOWN);

        assertThat(second.version()).isNotEqualTo(first.version());
        assertThat(avatars.find(user.id())).contains(second);
        assertThat(avatars.image(user.id(), first.version(), AvatarSize.LARGE)).isEmpty();
        AvatarImage large = avatars.image(user.id(), second.version(), AvatarSize.LARGE).orElseThrow();
        assertThat(large.contentType()).isEqualTo("image/png");
        assertThat(large.bytes()).isEqualTo(transparent.image(AvatarSize.LARGE).bytes());
    }

    @Test
    void refusedUploadLeavesTheOldPictureUntouched() {
        UserProfile user = accounts.create("Barbara Liskov");
        StoredAvatar old = avatars.replace(user.id(), avatars.process(user.id(), AvatarFixtures.jpeg(320, 320)),
                ClientInfo.UNKNOWN);
        byte[] oldBytes = avatars.image(user.id(), old.version(), AvatarSize.LARGE).orElseThrow().bytes();

        for (AvatarFixtures.BadUpload bad : AvatarFixtures.badUploads()) {
            assertThatThrownBy(() -> avatars.process(user.id(), bad.bytes())).as(bad.description())
                    .isInstanceOf(AvatarRejectedException.class).hasMessage(bad.message());
        }

        assertThat(avatars.find(user.id())).contains(old);
        assertThat(avatars.image(user.id(), old.version(), AvatarSize.LARGE).orElseThrow().bytes())
                .isEqualTo(oldBytes);
    }

    @Test
    void removingThePictureReturnsToInitials() {
        UserProfile user = accounts.create("Frances Allen");
        avatars.replace(user.id(), avatars.process(user.id(), AvatarFixtures.jpeg(320, 320)), ClientInfo.UNKNOWN);

        avatars.remove(user.id(), ClientInfo.UNKNOWN);

        assertThat(avatars.find(user.id())).isEqualTo(Optional.empty());
        assertThat(events.latest(user.id(), 5)).extracting(SecurityEvent::type)
                .contains(SecurityEventType.AVATAR_REMOVED);
    }

    @Test
    void eachUserHasTheirOwnPicture() {
        UserProfile one = accounts.create("Karen Jones");
        UserProfile other = accounts.create("Margaret Hamilton");
        StoredAvatar stored = avatars.replace(one.id(), avatars.process(one.id(), AvatarFixtures.jpeg(320, 320)),
                ClientInfo.UNKNOWN);

        assertThat(avatars.find(other.id())).isEmpty();
        assertThat(avatars.image(other.id(), stored.version(), AvatarSize.LARGE)).isEmpty();
    }
}

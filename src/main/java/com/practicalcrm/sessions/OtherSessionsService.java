package com.practicalcrm.sessions;

import java.time.Clock;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.practicalcrm.account.UserCredentials;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.account.repository.UserRepository;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.RetryMessage;
import com.practicalcrm.common.UserId;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.security.throttle.Throttle;
import com.practicalcrm.security.throttle.ThrottleAttempt;
import com.practicalcrm.security.throttle.ThrottleScope;

/** "Sign out other sessions": after the password, every other session of the user ends, on every instance. */
@Service
public class OtherSessionsService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Throttle throttle;
    private final UserSessions sessions;
    private final SecurityEventService events;
    private final Clock clock;

    public OtherSessionsService(UserRepository users, PasswordEncoder passwordEncoder, Throttle throttle,
                                UserSessions sessions, SecurityEventService events, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param currentKey the registry key of the session asking, which stays signed in (null: end them all)
     * @return how many sessions were ended
     * @throws PasswordConfirmationException when the password is wrong; wrong passwords count towards the
     *                                       account's sign-in throttle, since this is a way to guess it too
     */
    @Transactional(noRollbackFor = PasswordConfirmationException.class)
    public int signOutOtherSessions(UserId userId, String currentKey, String password, ClientInfo client) {
        UserCredentials account = users.findProfile(userId).map(UserProfile::email)
                .flatMap(users::findCredentials)
                .orElseThrow(() -> new IllegalStateException("Signed-in account no longer exists"));
        String subject = account.email().value();
        // Counted before the password is checked, so parallel guesses cannot all be checked.
        ThrottleAttempt attempt = throttle.attempt(Throttle.key(ThrottleScope.SIGN_IN_ACCOUNT, subject));
        if (attempt.refusedUntil().isPresent()) {
            throw new PasswordConfirmationException("Too many wrong passwords. "
                    + RetryMessage.tryAgainIn(clock.instant(), attempt.refusedUntil().get()));
        }
        if (password == null || !passwordEncoder.matches(password, account.passwordHash())) {
            throw new PasswordConfirmationException("That is not your current password."); // stays counted
        }
        attempt.release();
        int ended = sessions.endOthers(userId, currentKey == null ? "" : currentKey);
        events.record(userId, SecurityEventType.OTHER_SESSIONS_SIGNED_OUT, client);
        return ended;
    }
}

package com.practicalcrm.sessions;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.UserId;
import com.practicalcrm.reauth.ConfirmationRequiredException;
import com.practicalcrm.reauth.ReauthenticationService;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;

/** "Sign out other sessions": after "Confirm it's you", every other session of the user ends, on every instance. */
@Service
public class OtherSessionsService {

    private final ReauthenticationService reauthentication;
    private final UserSessions sessions;
    private final SecurityEventService events;

    public OtherSessionsService(ReauthenticationService reauthentication, UserSessions sessions,
                                SecurityEventService events) {
        this.reauthentication = reauthentication;
        this.sessions = sessions;
        this.events = events;
    }

    /**
     * @param currentKey the registry key of the session asking, which stays signed in (null: end them all)
     * @return how many sessions were ended
     * @throws ConfirmationRequiredException unless the user confirmed it's them within the window
     */
    @Transactional
    public int signOutOtherSessions(UserId userId, String currentKey, ClientInfo client) {
        reauthentication.requireRecentConfirmation(userId);
        int ended = sessions.endOthers(userId, currentKey == null ? "" : currentKey);
        events.record(userId, SecurityEventType.OTHER_SESSIONS_SIGNED_OUT, client);
        return ended;
    }

    /**
     * The Sign out of one row of the sessions list: ends that session of the user on every instance.
     *
     * @return whether a running session of the user was ended (false for a key that is not the user's)
     * @throws ConfirmationRequiredException unless the user confirmed it's them within the window
     */
    @Transactional
    public boolean signOutSession(UserId userId, String sessionKey, ClientInfo client) {
        reauthentication.requireRecentConfirmation(userId);
        boolean ended = sessions.endOne(userId, sessionKey);
        if (ended) {
            events.record(userId, SecurityEventType.SESSION_SIGNED_OUT, client);
        }
        return ended;
    }
}

package com.practicalcrm.security;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.practicalcrm.common.ClientInfo;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client address and browser of the request being served. Behind a proxy, set
 * {@code server.forward-headers-strategy} so that the address is the client's, not the proxy's.
 */
@Component
public class ClientInfoResolver {

    public ClientInfo current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return of(attributes.getRequest());
        }
        return ClientInfo.UNKNOWN;
    }

    public static ClientInfo of(HttpServletRequest request) {
        return new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}

package com.practicalcrm.security;

import java.util.Arrays;
import java.util.Optional;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says at start-up where client addresses (throttling, security events, sessions) come from, as read from the
 * running Tomcat: the socket, or {@code X-Forwarded-For} but only from proxies whose address matches
 * {@code server.tomcat.remoteip.internal-proxies} ({@code server.forward-headers-strategy=native}).
 */
@Component
class ClientAddressSource implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ClientAddressSource.class);

    private final Environment environment;

    ClientAddressSource(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        log.info(describe(event.getWebServer() instanceof TomcatWebServer tomcat
                ? remoteIpValve(tomcat.getTomcat().getEngine().getPipeline().getValves()) : Optional.empty()));
    }

    String describe(Optional<RemoteIpValve> valve) {
        if (valve.isPresent()) {
            RemoteIpValve remoteIp = valve.get();
            return "Client addresses come from " + remoteIp.getRemoteIpHeader() + " sent by proxies matching "
                    + remoteIp.getInternalProxies() + " (server.tomcat.remoteip.internal-proxies), "
                    + "otherwise from the socket; HTTPS as reported by " + remoteIp.getProtocolHeader()
                    + " from those proxies";
        }
        if ("framework".equalsIgnoreCase(environment.getProperty("server.forward-headers-strategy", ""))) {
            return "Client addresses come from X-Forwarded-For of ANY client (server.forward-headers-strategy="
                    + "framework): use native with server.tomcat.remoteip.internal-proxies instead";
        }
        return "Client addresses come from the socket; X-Forwarded-For is ignored (behind a proxy set "
                + "server.forward-headers-strategy=native and server.tomcat.remoteip.internal-proxies)";
    }

    static Optional<RemoteIpValve> remoteIpValve(Valve[] valves) {
        return Arrays.stream(valves).filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
                .findFirst();
    }
}

package com.roseash.platform.web;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.roseash.contract.ServiceName;
import com.roseash.platform.config.PlatformSettings;
import com.roseash.platform.config.RoseAshConfig;

/**
 * Who is serving the page and where the other services live, for the layout's links. Links to another
 * service's host are ordinary navigations, never boosted (htmx boosts same-origin links only).
 */
public record Site(String name, ServiceName service, Map<ServiceName, String> publicUrls) {

    public static Site from(RoseAshConfig config, ServiceName service) {
        Map<ServiceName, String> urls = new EnumMap<>(ServiceName.class);
        for (ServiceName each : ServiceName.values()) {
            urls.put(each, withSlash(config.string(PlatformSettings.publicUrl(each))));
        }
        return new Site("Rose Ash", service, Map.copyOf(urls));
    }

    public String publicUrl() {
        return publicUrls.get(service);
    }

    /** {@code links.blog}, {@code links.market}... for templates. */
    public Map<String, String> links() {
        Map<String, String> links = new LinkedHashMap<>();
        publicUrls.forEach((service, url) -> links.put(service.id(), url));
        return links;
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}

package com.roseash.platform.web;

import java.net.URI;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** Every service's origin ({@code http://blog.rose-ash.localhost:8080}): the platform's own, for CSP and Origin checks. */
    public List<String> origins() {
        return publicUrls.values().stream().map(Site::originOf).toList();
    }

    /** {@code url}'s origin (scheme and authority); "" when it has none, or is not a URL. */
    public static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() == null || uri.getRawAuthority() == null ? ""
                    : uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return "";
        }
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

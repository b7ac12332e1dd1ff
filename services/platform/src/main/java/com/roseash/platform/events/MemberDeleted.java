package com.roseash.platform.events;

/**
 * The payload of {@link EventType#MEMBER_DELETED}: the member's subject (federation's user id, as every
 * service knows its members) and the address they had, for what was keyed by address alone (a newsletter
 * subscription made before signing in).
 */
public record MemberDeleted(String subject, String email) {
}

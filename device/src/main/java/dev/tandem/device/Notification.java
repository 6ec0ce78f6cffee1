package dev.tandem.device;

/** One notification in the system tray. {@code key} identifies it within the device. */
public record Notification(String key, String app, String title, String body, long postedAt) {}

package dev.tandem.apps;

/**
 * One message in a chat room.
 *
 * @param seq the room's sequence number, from 1, increasing by one per message
 * @param at when the service accepted it, epoch milliseconds
 */
public record ChatMessage(long seq, String from, String text, long at) {}

package dev.tandem.device;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in apps as the fake device knows them: hand-written screens with just the elements and
 * behaviour the contract suite and the unit tests use (docs/apps.md §2 has the real definitions).
 * Not thread-safe: {@link FakeDevice} uses it under its lock.
 */
final class FakeApps {
    static final List<String> INSTALLED = List.of(
            "com.chat.app", "com.example.list", "com.example.login", "com.google.android.deskclock", "com.tandem.counter");

    private FakeApps() {}

    /** One element's definition and state. */
    static final class El {
        final String id;
        final String role;
        String text;
        final String hint;
        boolean enabled = true;
        boolean visible = true;
        Boolean checked;
        boolean secret;
        String ime;
        final List<El> children = new ArrayList<>();

        El(String id, String role, String text, String hint) {
            this.id = id;
            this.role = role;
            this.text = text;
            this.hint = hint;
            if (role.equals("checkbox")) checked = false;
            if (role.equals("textfield")) ime = "done";
        }

        int height() {
            return switch (role) {
                case "text" -> 32;
                case "header", "textfield", "listitem" -> 56;
                default -> 48;
            };
        }

        El hidden() {
            visible = false;
            return this;
        }

        El disabled() {
            enabled = false;
            return this;
        }

        El ime(String action) {
            ime = action;
            return this;
        }

        El secret() {
            secret = true;
            return this;
        }
    }

    /** One run of an app: its screens' state, back stack, focus, scroll and chat context. */
    static final class Run {
        final String appId;
        final Map<String, List<El>> screens = new LinkedHashMap<>();
        final Map<String, String> titles = new LinkedHashMap<>();
        final Deque<String> stack = new ArrayDeque<>();
        String focused;
        int scroll;
        int appended;
        String room;
        String user;
        String chatUrl;
        AutoCloseable subscription;

        Run(String appId) {
            this.appId = appId;
        }

        String screen() {
            return stack.peekLast();
        }

        List<El> elements() {
            return screens.get(screen());
        }

        El find(String id) {
            for (List<El> s : screens.values()) {
                El e = find(s, id);
                if (e != null) return e;
            }
            return null;
        }

        private static El find(List<El> els, String id) {
            for (El e : els) {
                if (id.equals(e.id)) return e;
                El c = find(e.children, id);
                if (c != null) return c;
            }
            return null;
        }

        void screen(String name, String title, El... els) {
            screens.put(name, new ArrayList<>(List.of(els)));
            titles.put(name, title);
        }
    }

    /** A fresh run of an installed app on its initial screen. */
    static Run start(String appId) {
        Run r = new Run(appId);
        switch (appId) {
            case "com.example.login" -> {
                r.screen("login", "Login",
                        new El("heading", "header", "Welcome back", null),
                        new El("email", "textfield", null, "Email").ime("next"),
                        new El("email_error", "text", null, null).hidden(),
                        new El("password", "textfield", null, "Password").ime("go").secret(),
                        new El("password_error", "text", null, null).hidden(),
                        new El("remember", "checkbox", "Remember me", null),
                        new El("sign_in", "button", "Sign in", null),
                        new El("forgot", "button", "Forgot password?", null).disabled());
                r.screen("home", "Home",
                        new El("welcome", "header", "Welcome", null),
                        new El("account_info", "text", "You are signed in.", null),
                        new El("sign_out", "button", "Sign out", null));
            }
            case "com.example.list" -> {
                El items = new El("items", "list", null, null);
                for (int i = 1; i <= 200; i++) items.children.add(new El("item_" + i, "listitem", "Item " + i, null));
                r.screen("list", "Long list", new El("selected", "text", "Tap an item", null), items);
            }
            case "com.chat.app" -> {
                r.screen("conversation", "Chat",
                        new El("empty", "text", "No messages yet", null),
                        new El("messages", "list", null, null),
                        new El("compose", "textfield", null, "Message").ime("send"),
                        new El("send", "button", "Send", null));
                r.focused = "compose";
            }
            case "com.tandem.counter" -> r.screen("main", "Counter",
                    new El("explanation", "text", "Each tap sends one message to the chat room.", null),
                    new El("send", "button", "Send +1", null),
                    new El("status", "text", "Nothing sent yet", null));
            case "com.google.android.deskclock" -> r.screen("clock", "Clock",
                    new El("com.google.android.deskclock:id/digital_clock", "header", "12:00", null));
            default -> throw new IllegalArgumentException(appId);
        }
        r.stack.add(r.screens.keySet().iterator().next());
        return r;
    }

    /** What the app does when its element is tapped (after the built-in focus/toggle). */
    interface Host {
        void navigate(Run r, String screen);

        void back(Run r);

        void send(Run r, String text);
    }

    static void onTap(Host host, Run r, El e) {
        switch (r.appId + "#" + e.id) {
            case "com.example.login#sign_in" -> signIn(host, r);
            case "com.example.login#sign_out" -> {
                r.find("password").text = "";
                host.back(r);
            }
            case "com.tandem.counter#send" -> {
                host.send(r, "+1");
                r.find("status").text = "Sent +1";
            }
            case "com.chat.app#send" -> sendComposed(host, r);
            default -> {
                if (e.id != null && e.id.startsWith("item_")) r.find("selected").text = "Selected " + e.text;
            }
        }
    }

    /** The field's own IME action; returns false when the app binds nothing to it (the default behaviour applies). */
    static boolean onIme(Host host, Run r, El field) {
        switch (r.appId + "#" + field.id) {
            case "com.example.login#password" -> signIn(host, r);
            case "com.chat.app#compose" -> sendComposed(host, r);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void signIn(Host host, Run r) {
        String email = r.find("email").text == null ? "" : r.find("email").text;
        String password = r.find("password").text == null ? "" : r.find("password").text;
        boolean emailOk = email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
        boolean passwordOk = password.length() >= 8;
        error(r.find("email_error"), emailOk, "Enter a valid email address");
        error(r.find("password_error"), passwordOk, "Password must be at least 8 characters");
        if (!emailOk || !passwordOk) return;
        r.find("welcome").text = "Welcome, " + email;
        host.navigate(r, "home");
    }

    private static void error(El target, boolean ok, String text) {
        target.visible = !ok;
        if (!ok) target.text = text;
    }

    private static void sendComposed(Host host, Run r) {
        El compose = r.find("compose");
        if (compose.text == null || compose.text.isBlank()) return;
        host.send(r, compose.text);
        append(r, compose.text);
        compose.text = "";
    }

    /** A message shown in the chat's list (sent or received). */
    static void append(Run r, String text) {
        r.find("empty").visible = false;
        r.find("messages").children.add(new El("messages_" + (++r.appended), "listitem", text, null));
    }
}

package cq.jianxi.notification.sms;

import java.util.Map;

/** One text message: the template the city's gateway knows, its parameters, and the rendered Chinese text. */
public record SmsMessage(String phone, String template, Map<String, String> params, String text) {
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-enums"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gdn-enums.h"

#define ENUM(id, ...)                                                  \
  static const GdnEnumValue id##_values[] = { __VA_ARGS__, { NULL } }; \
  const GdnEnumInfo gdn_enum_##id = { #id, id##_values };

ENUM (order_type,
      { "regular", N_("Regular"), "常规" },
      { "urgent", N_("Urgent"), "加急" },
      { "custom", N_("Custom"), "定制" })

ENUM (order_source,
      { "written", N_("Written"), "书面" },
      { "email", N_("E-mail"), "邮件" },
      { "online", N_("Online"), "在线" },
      { "phone", N_("Phone"), "电话" })

ENUM (order_status,
      { "inquiry", N_("Inquiry"), "询盘" },
      { "quoted", N_("Quoted"), "已报价" },
      { "confirmed", N_("Confirmed"), "已确认" },
      { "in_production", N_("In production"), "生产中" },
      { "qc", N_("Quality check"), "质检中" },
      { "shipped", N_("Shipped"), "已发货" },
      { "delivered", N_("Delivered"), "已交付" },
      { "closed", N_("Closed"), "已关闭" },
      { "cancelled", N_("Cancelled"), "已取消" },
      { "lost", N_("Lost"), "未成交" })

ENUM (delay_reason,
      { "supplier", N_("Supplier delay"), "供应商延迟" },
      { "production", N_("Production fault"), "生产故障" },
      { "logistics", N_("Logistics delay"), "物流延误" },
      { "customer_change", N_("Customer change"), "客户变更" },
      { "other", N_("Other"), "其他" })

ENUM (customer_tier,
      { "key", N_("Key account"), "重点" },
      { "A", N_("A"), "A" },
      { "B", N_("B"), "B" },
      { "C", N_("C"), "C" })

ENUM (customer_status,
      { "prospect", N_("Prospect"), "潜在" },
      { "active", N_("Active"), "活跃" },
      { "dormant", N_("Dormant"), "休眠" },
      { "lost", N_("Lost"), "流失" })

ENUM (contact_role,
      { "economic", N_("Economic buyer"), "经济型" },
      { "technical", N_("Technical buyer"), "技术型" },
      { "user", N_("User"), "使用型" },
      { "financial", N_("Financial buyer"), "财务型" },
      { "coach", N_("Coach"), "教练型" })

ENUM (contact_stance,
      { "supporter", N_("Supporter"), "支持" },
      { "neutral", N_("Neutral"), "中立" },
      { "opponent", N_("Opponent"), "反对" })

ENUM (transport_mode,
      { "express", N_("Express"), "快递" },
      { "road", N_("Road"), "公路" },
      { "rail", N_("Rail"), "铁路" },
      { "sea", N_("Sea"), "海运" },
      { "air", N_("Air"), "空运" })

ENUM (shipment_status,
      { "pending", N_("Pending"), "待发货" },
      { "in_transit", N_("In transit"), "运输中" },
      { "delayed", N_("Delayed"), "延误" },
      { "exception", N_("Exception"), "异常" },
      { "delivered", N_("Delivered"), "已签收" })

ENUM (case_type,
      { "inquiry", N_("Inquiry"), "咨询" },
      { "repair", N_("Repair"), "报修" },
      { "complaint", N_("Complaint"), "投诉" },
      { "return", N_("Return/exchange"), "退换货" })

ENUM (complaint_category,
      { "spec_mismatch", N_("Spec mismatch"), "规格不符" },
      { "late_delivery", N_("Late delivery"), "交货延迟" },
      { "quality_defect", N_("Quality defect"), "质量缺陷" },
      { "slow_response", N_("Slow after-sales response"), "售后响应慢" },
      { "payment_invoice", N_("Payment/invoice"), "付款发票|付款/发票" },
      { "other", N_("Other"), "其他" })

ENUM (case_priority,
      { "urgent", N_("Urgent"), "紧急" },
      { "high", N_("High"), "高" },
      { "normal", N_("Normal"), "普通" },
      { "low", N_("Low"), "低" })

ENUM (case_status,
      { "open", N_("Open"), "待处理" },
      { "responded", N_("Responded"), "已响应" },
      { "in_progress", N_("In progress"), "处理中" },
      { "resolved", N_("Resolved"), "已解决" },
      { "closed", N_("Closed"), "已关闭" })

ENUM (channel,
      { "phone", N_("Phone"), "电话" },
      { "email", N_("E-mail"), "邮件" },
      { "meeting", N_("Meeting"), "会议" },
      { "visit", N_("Visit"), "拜访" },
      { "im", N_("Instant message"), "即时通讯" })

ENUM (direction,
      { "in", N_("Incoming"), "来电|来函" },
      { "out", N_("Outgoing"), "去电|去函" })

ENUM (contract_status,
      { "draft", N_("Draft"), "草稿" },
      { "in_review", N_("In review"), "审批中" },
      { "approved", N_("Approved"), "已批准" },
      { "signed", N_("Signed"), "已签订" },
      { "executing", N_("Executing"), "执行中" },
      { "completed", N_("Completed"), "已完成" },
      { "terminated", N_("Terminated"), "已终止" })

ENUM (approval_role,
      { "sales", N_("Sales"), "销售" },
      { "finance", N_("Finance"), "财务" },
      { "legal", N_("Legal"), "法务" })

ENUM (approval_decision,
      { "pending", N_("Pending"), "待审批" },
      { "approved", N_("Approved"), "已批准" },
      { "rejected", N_("Rejected"), "已驳回" })

ENUM (reminder_kind,
      { "payment_due", N_("Payment due"), "付款到期" },
      { "production", N_("Production completion"), "生产完成" },
      { "eta", N_("Delivery ETA"), "预计到达" },
      { "case_response", N_("Case first response"), "工单响应" },
      { "follow_up", N_("Follow-up"), "跟进" },
      { "birthday", N_("Birthday"), "生日" },
      { "custom", N_("Reminder"), "提醒" })

gboolean
gdn_enum_is_valid (const GdnEnumInfo *info,
                   const char        *value)
{
  if (value == NULL)
    return FALSE;
  for (const GdnEnumValue *v = info->values; v->value != NULL; v++)
    if (strcmp (v->value, value) == 0)
      return TRUE;
  return FALSE;
}

/**
 * gdn_enum_label:
 *
 * Returns: the translated label of @value, or @value itself when it is unknown
 */
const char *
gdn_enum_label (const GdnEnumInfo *info,
                const char        *value)
{
  if (value == NULL)
    return "";
  for (const GdnEnumValue *v = info->values; v->value != NULL; v++)
    if (strcmp (v->value, value) == 0)
      return g_dgettext (GETTEXT_PACKAGE, v->label);
  return value;
}

/**
 * gdn_enum_csv_zh:
 *
 * Returns: the Chinese spreadsheet label of @value (its first alias)
 */
const char *
gdn_enum_csv_zh (const GdnEnumInfo *info,
                 const char        *value)
{
  const char *zh = NULL;

  if (value == NULL)
    return "";
  for (const GdnEnumValue *v = info->values; v->value != NULL; v++)
    if (strcmp (v->value, value) == 0)
      zh = v->csv_zh;
  if (zh == NULL)
    return value;
  if (strchr (zh, '|') == NULL)
    return zh;

  /* Interned so the caller gets a static string, like the single-label case. */
  {
    g_autofree char *first = g_strndup (zh, strchr (zh, '|') - zh);
    return g_intern_string (first);
  }
}

static gboolean
matches_alias (const char *aliases,
               const char *text)
{
  g_auto(GStrv) parts = g_strsplit (aliases, "|", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], text) == 0)
      return TRUE;
  return FALSE;
}

/**
 * gdn_enum_parse:
 * @text: an English value (any case), a Chinese spreadsheet label or a translated label
 *
 * Returns: (nullable): the stored value, or %NULL when @text names none
 */
const char *
gdn_enum_parse (const GdnEnumInfo *info,
                const char        *text)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;

  if (text == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (text));
  folded = g_utf8_casefold (trimmed, -1);

  for (const GdnEnumValue *v = info->values; v->value != NULL; v++)
    {
      g_autofree char *value_folded = g_utf8_casefold (v->value, -1);
      g_autofree char *label_folded = g_utf8_casefold (v->label, -1);
      g_autofree char *spaced = g_strdelimit (g_strdup (value_folded), "_", ' ');

      if (strcmp (folded, value_folded) == 0 || strcmp (folded, spaced) == 0 ||
          strcmp (folded, label_folded) == 0 || matches_alias (v->csv_zh, trimmed) ||
          strcmp (trimmed, g_dgettext (GETTEXT_PACKAGE, v->label)) == 0)
        return v->value;
    }
  return NULL;
}

guint
gdn_enum_n_values (const GdnEnumInfo *info)
{
  guint n = 0;

  while (info->values[n].value != NULL)
    n++;
  return n;
}

/**
 * gdn_enum_describe:
 *
 * Returns: the accepted values, for messages: "regular, urgent, custom"
 */
char *
gdn_enum_describe (const GdnEnumInfo *info)
{
  GString *s = g_string_new (NULL);

  for (const GdnEnumValue *v = info->values; v->value != NULL; v++)
    {
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, v->value);
    }
  return g_string_free (s, FALSE);
}

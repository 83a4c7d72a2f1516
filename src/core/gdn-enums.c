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
      { "regular", NC_("order_type", "Regular"), "常规" },
      { "urgent", NC_("order_type", "Urgent"), "加急" },
      { "custom", NC_("order_type", "Custom"), "定制" })

ENUM (order_source,
      { "written", NC_("order_source", "Written"), "书面" },
      { "email", NC_("order_source", "E-mail"), "邮件" },
      { "online", NC_("order_source", "Online"), "在线" },
      { "phone", NC_("order_source", "Phone"), "电话" })

ENUM (order_status,
      { "inquiry", NC_("order_status", "Inquiry"), "询盘" },
      { "quoted", NC_("order_status", "Quoted"), "已报价" },
      { "confirmed", NC_("order_status", "Confirmed"), "已确认" },
      { "in_production", NC_("order_status", "In production"), "生产中" },
      { "qc", NC_("order_status", "Quality check"), "质检中" },
      { "shipped", NC_("order_status", "Shipped"), "已发货" },
      { "delivered", NC_("order_status", "Delivered"), "已交付" },
      { "closed", NC_("order_status", "Closed"), "已关闭" },
      { "cancelled", NC_("order_status", "Cancelled"), "已取消" },
      { "lost", NC_("order_status", "Lost"), "未成交" })

ENUM (delay_reason,
      { "supplier", NC_("delay_reason", "Supplier delay"), "供应商延迟" },
      { "production", NC_("delay_reason", "Production fault"), "生产故障" },
      { "logistics", NC_("delay_reason", "Logistics delay"), "物流延误" },
      { "customer_change", NC_("delay_reason", "Customer change"), "客户变更" },
      { "other", NC_("delay_reason", "Other"), "其他" })

ENUM (customer_tier,
      { "key", NC_("customer_tier", "Key account"), "重点" },
      { "A", NC_("customer_tier", "A"), "A" },
      { "B", NC_("customer_tier", "B"), "B" },
      { "C", NC_("customer_tier", "C"), "C" })

ENUM (customer_status,
      { "prospect", NC_("customer_status", "Prospect"), "潜在" },
      { "active", NC_("customer_status", "Active"), "活跃" },
      { "dormant", NC_("customer_status", "Dormant"), "休眠" },
      { "lost", NC_("customer_status", "Lost"), "流失" })

ENUM (contact_role,
      { "economic", NC_("contact_role", "Economic buyer"), "经济型" },
      { "technical", NC_("contact_role", "Technical buyer"), "技术型" },
      { "user", NC_("contact_role", "User"), "使用型" },
      { "financial", NC_("contact_role", "Financial buyer"), "财务型" },
      { "coach", NC_("contact_role", "Coach"), "教练型" })

ENUM (contact_stance,
      { "supporter", NC_("contact_stance", "Supporter"), "支持" },
      { "neutral", NC_("contact_stance", "Neutral"), "中立" },
      { "opponent", NC_("contact_stance", "Opponent"), "反对" })

ENUM (transport_mode,
      { "express", NC_("transport_mode", "Express"), "快递" },
      { "road", NC_("transport_mode", "Road"), "公路" },
      { "rail", NC_("transport_mode", "Rail"), "铁路" },
      { "sea", NC_("transport_mode", "Sea"), "海运" },
      { "air", NC_("transport_mode", "Air"), "空运" })

ENUM (shipment_status,
      { "pending", NC_("shipment_status", "Pending"), "待发货" },
      { "in_transit", NC_("shipment_status", "In transit"), "运输中" },
      { "delayed", NC_("shipment_status", "Delayed"), "延误" },
      { "exception", NC_("shipment_status", "Exception"), "异常" },
      { "delivered", NC_("shipment_status", "Delivered"), "已签收" })

ENUM (case_type,
      { "inquiry", NC_("case_type", "Inquiry"), "咨询" },
      { "repair", NC_("case_type", "Repair"), "报修" },
      { "complaint", NC_("case_type", "Complaint"), "投诉" },
      { "return", NC_("case_type", "Return/exchange"), "退换货" })

ENUM (complaint_category,
      { "spec_mismatch", NC_("complaint_category", "Spec mismatch"), "规格不符" },
      { "late_delivery", NC_("complaint_category", "Late delivery"), "交货延迟" },
      { "quality_defect", NC_("complaint_category", "Quality defect"), "质量缺陷" },
      { "slow_response", NC_("complaint_category", "Slow after-sales response"), "售后响应慢" },
      { "payment_invoice", NC_("complaint_category", "Payment/invoice"), "付款发票|付款/发票" },
      { "other", NC_("complaint_category", "Other"), "其他" })

ENUM (case_priority,
      { "urgent", NC_("case_priority", "Urgent"), "紧急" },
      { "high", NC_("case_priority", "High"), "高" },
      { "normal", NC_("case_priority", "Normal"), "普通" },
      { "low", NC_("case_priority", "Low"), "低" })

ENUM (case_status,
      { "open", NC_("case_status", "Open"), "待处理" },
      { "responded", NC_("case_status", "Responded"), "已响应" },
      { "in_progress", NC_("case_status", "In progress"), "处理中" },
      { "resolved", NC_("case_status", "Resolved"), "已解决" },
      { "closed", NC_("case_status", "Closed"), "已关闭" })

ENUM (channel,
      { "phone", NC_("channel", "Phone"), "电话" },
      { "email", NC_("channel", "E-mail"), "邮件" },
      { "meeting", NC_("channel", "Meeting"), "会议" },
      { "visit", NC_("channel", "Visit"), "拜访" },
      { "im", NC_("channel", "Instant message"), "即时通讯" })

ENUM (direction,
      { "in", NC_("direction", "Incoming"), "来电|来函" },
      { "out", NC_("direction", "Outgoing"), "去电|去函" })

ENUM (contract_status,
      { "draft", NC_("contract_status", "Draft"), "草稿" },
      { "in_review", NC_("contract_status", "In review"), "审批中" },
      { "approved", NC_("contract_status", "Approved"), "已批准" },
      { "signed", NC_("contract_status", "Signed"), "已签订" },
      { "executing", NC_("contract_status", "Executing"), "执行中" },
      { "completed", NC_("contract_status", "Completed"), "已完成" },
      { "terminated", NC_("contract_status", "Terminated"), "已终止" })

ENUM (approval_role,
      { "sales", NC_("approval_role", "Sales"), "销售" },
      { "finance", NC_("approval_role", "Finance"), "财务" },
      { "legal", NC_("approval_role", "Legal"), "法务" })

ENUM (approval_decision,
      { "pending", NC_("approval_decision", "Pending"), "待审批" },
      { "approved", NC_("approval_decision", "Approved"), "已批准" },
      { "rejected", NC_("approval_decision", "Rejected"), "已驳回" })

ENUM (reminder_kind,
      { "payment_due", NC_("reminder_kind", "Payment due"), "付款到期" },
      { "production", NC_("reminder_kind", "Production completion"), "生产完成" },
      { "eta", NC_("reminder_kind", "Delivery ETA"), "预计到达" },
      { "case_response", NC_("reminder_kind", "Case first response"), "工单响应" },
      { "follow_up", NC_("reminder_kind", "Follow-up"), "跟进" },
      { "birthday", NC_("reminder_kind", "Birthday"), "生日" },
      { "custom", NC_("reminder_kind", "Reminder"), "提醒" })

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
      return g_dpgettext2 (GETTEXT_PACKAGE, info->name, v->label);
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
          strcmp (trimmed, g_dpgettext2 (GETTEXT_PACKAGE, info->name, v->label)) == 0)
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

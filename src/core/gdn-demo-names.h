/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The pools the demo generator draws from: real cities, plausible company names, people,
 * products and the phrases office staff write. The data is Chinese on purpose (it is what
 * the app's users type), so none of it is translated. */

typedef struct
{
  const char *text;
  const char *extra;    /* names: pinyin, for e-mail addresses; titles: the department */
} GdnDemoWord;

typedef struct
{
  const char *name;        /* 深圳 */
  const char *province;    /* 广东省; empty for the municipalities */
  const char *area_code;   /* 0755 */
  const char *districts[4];
  const char *roads[4];
} GdnDemoCity;

typedef struct
{
  const char *word;        /* 电子, as in 深圳市华强电子有限公司 */
  const char *industry;    /* 电子元器件 */
  const char *domain;      /* elec, for e-mail domains */
} GdnDemoIndustry;

typedef struct
{
  const char *prefix;      /* product code prefix: DZ-0101 */
  const char *name;
  const char *specs[4];    /* NULL-terminated when fewer */
  const char *unit;        /* 件, 台, 套, 米, 千克 or 箱 */
  double      price;       /* list price in CNY */
} GdnDemoProduct;

typedef struct
{
  const char *name;
  const char *mode;        /* the transport mode it usually runs */
  const char *tracking_prefix;
  int         tracking_digits;
} GdnDemoCarrier;

/* A phrase with the channel and direction it is written for. */
typedef struct
{
  const char *channel;
  const char *direction;
  const char *text;        /* may hold one %s (product, carrier, …) as documented */
} GdnDemoPhrase;

typedef struct
{
  const char *subject;
  const char *description;
  const char *resolution;
} GdnDemoCaseText;

#define GDN_DEMO_POOL(type, name)          \
  extern const type gdn_demo_##name[];      \
  extern const guint gdn_demo_n_##name;

GDN_DEMO_POOL (GdnDemoCity, cities)
GDN_DEMO_POOL (GdnDemoWord, brands)
GDN_DEMO_POOL (GdnDemoIndustry, industries)
GDN_DEMO_POOL (GdnDemoWord, company_suffixes)
GDN_DEMO_POOL (GdnDemoWord, surnames)
GDN_DEMO_POOL (GdnDemoWord, given_names)
GDN_DEMO_POOL (GdnDemoProduct, products)
GDN_DEMO_POOL (GdnDemoCarrier, carriers)
GDN_DEMO_POOL (GdnDemoWord, owners)             /* 跟单员 */
GDN_DEMO_POOL (GdnDemoWord, planners)           /* production planning */
GDN_DEMO_POOL (GdnDemoWord, inspectors)         /* quality control */
GDN_DEMO_POOL (GdnDemoWord, preferences)
GDN_DEMO_POOL (GdnDemoWord, customer_notes)
GDN_DEMO_POOL (GdnDemoWord, buildings)
GDN_DEMO_POOL (GdnDemoWord, order_notes)
GDN_DEMO_POOL (GdnDemoWord, missing_reasons)
GDN_DEMO_POOL (GdnDemoWord, qc_failures)
GDN_DEMO_POOL (GdnDemoWord, lost_reasons)
GDN_DEMO_POOL (GdnDemoWord, cancel_reasons)
GDN_DEMO_POOL (GdnDemoWord, delay_notes_supplier)
GDN_DEMO_POOL (GdnDemoWord, delay_notes_production)
GDN_DEMO_POOL (GdnDemoWord, delay_notes_logistics)
GDN_DEMO_POOL (GdnDemoWord, delay_notes_customer)
GDN_DEMO_POOL (GdnDemoWord, delay_notes_other)
GDN_DEMO_POOL (GdnDemoPhrase, inquiry_phrases)     /* %s: product name */
GDN_DEMO_POOL (GdnDemoPhrase, quote_phrases)
GDN_DEMO_POOL (GdnDemoPhrase, confirm_phrases)
GDN_DEMO_POOL (GdnDemoPhrase, production_phrases) /* %s: progress, e.g. "60%" */
GDN_DEMO_POOL (GdnDemoPhrase, shipping_phrases)   /* %s: carrier */
GDN_DEMO_POOL (GdnDemoPhrase, delivered_phrases)
GDN_DEMO_POOL (GdnDemoPhrase, relation_phrases)
GDN_DEMO_POOL (GdnDemoPhrase, case_phrases)       /* %s: case subject */
GDN_DEMO_POOL (GdnDemoCaseText, inquiry_cases)
GDN_DEMO_POOL (GdnDemoCaseText, repair_cases)
GDN_DEMO_POOL (GdnDemoCaseText, return_cases)
/* one pool per complaint category, in the order of gdn_enum_complaint_category */
GDN_DEMO_POOL (GdnDemoCaseText, complaint_spec_mismatch)
GDN_DEMO_POOL (GdnDemoCaseText, complaint_late_delivery)
GDN_DEMO_POOL (GdnDemoCaseText, complaint_quality_defect)
GDN_DEMO_POOL (GdnDemoCaseText, complaint_slow_response)
GDN_DEMO_POOL (GdnDemoCaseText, complaint_payment_invoice)
GDN_DEMO_POOL (GdnDemoCaseText, complaint_other)
GDN_DEMO_POOL (GdnDemoWord, survey_good)
GDN_DEMO_POOL (GdnDemoWord, survey_bad)
GDN_DEMO_POOL (GdnDemoWord, approval_comments)
GDN_DEMO_POOL (GdnDemoWord, rejection_comments)
GDN_DEMO_POOL (GdnDemoWord, amendments)
GDN_DEMO_POOL (GdnDemoWord, custom_reminders)
GDN_DEMO_POOL (GdnDemoWord, titles_economic)
GDN_DEMO_POOL (GdnDemoWord, titles_technical)
GDN_DEMO_POOL (GdnDemoWord, titles_user)
GDN_DEMO_POOL (GdnDemoWord, titles_financial)
GDN_DEMO_POOL (GdnDemoWord, titles_coach)

G_END_DECLS

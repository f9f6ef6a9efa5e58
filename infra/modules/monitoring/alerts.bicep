metadata name = 'Alerts'
metadata description = 'What wakes the Operations Manager: an action group (email), alerts on dead-lettered messages, function failures, HTTP 5xx and SLA breaches, and a standard availability test of /api/health with its alert.'

import { tagsType } from '../types.bicep'

@description('Required. Prefix of the alert and test names.')
param namePrefix string

@description('Required. Azure region of the availability test (alerts and the action group are global).')
param location string

@description('Optional. Tags for the resources.')
param tags tagsType?

@description('Required. The Operations Manager\'s email address: the action group mails every alert there.')
param operationsManagerEmail string

@description('Required. Resource ID of the Application Insights component (the log alerts query it; the availability test reports to it).')
param applicationInsightsResourceId string

@description('Required. Resource ID of the Service Bus namespace (dead-letter alert).')
param serviceBusNamespaceResourceId string

@description('Required. Host name of the Function App (the availability test calls https://<host>/api/health).')
param functionAppHostName string

@description('Optional. Availability test regions (Application Insights location ids).')
param availabilityLocations string[] = [
  'us-va-ash-azr'
  'us-il-ch1-azr'
  'us-ca-sjc-azr'
]

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${namePrefix}-operations'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'ifp-ops'
    enabled: true
    emailReceivers: [
      {
        name: 'OperationsManager'
        emailAddress: operationsManagerEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// Service Bus dead-letters a message after its 10th failed delivery: any message there is a notification or SLA step
// that never happened. The platform metric counts the messages in every entity's dead-letter queue.
resource deadLetterAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${namePrefix}-dead-lettered-messages'
  location: 'global'
  tags: tags
  properties: {
    description: 'Messages in a Service Bus dead-letter queue (docs/deploy.md, "At 3 a.m.").'
    severity: 1
    enabled: true
    scopes: [serviceBusNamespaceResourceId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    autoMitigate: true
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'DeadLetteredMessages'
          metricNamespace: 'Microsoft.ServiceBus/namespaces'
          metricName: 'DeadletteredMessages'
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Maximum'
        }
      ]
    }
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

@description('A log alert on the Application Insights component: fires when the query returns a count above the threshold.')
type logAlertType = {
  @description('Required. Name suffix.')
  name: string

  @description('Required. What it means and where the runbook is.')
  description: string

  @description('Required. Severity, 0 (critical) to 4.')
  severity: int

  @description('Required. KQL over the component\'s tables; it returns one row per matching record.')
  query: string

  @description('Required. Rows in the window above which the alert fires.')
  threshold: int
}

var logAlerts logAlertType[] = [
  {
    name: 'function-failures'
    description: 'Function invocations failed: an exception escaped a function, or a route answered 5xx (docs/deploy.md, "At 3 a.m.").'
    severity: 2
    query: 'requests | where success == false'
    threshold: 5
  }
  {
    name: 'http-5xx'
    description: 'HTTP requests answered 5xx (503 means storage did not answer in its budget; docs/deploy.md, "At 3 a.m.").'
    severity: 1
    query: 'requests | where toint(resultCode) >= 500'
    threshold: 5
  }
  {
    name: 'sla-breaches'
    description: 'A ticket breached its SLA (counter infoflopay.sla.breaches; docs/deploy.md, "At 3 a.m.").'
    severity: 2
    query: 'customMetrics | where name == "infoflopay.sla.breaches" and valueSum > 0'
    threshold: 0
  }
]

resource logAlertRules 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [
  for alert in logAlerts: {
    name: '${namePrefix}-${alert.name}'
    location: location
    tags: tags
    properties: {
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [applicationInsightsResourceId]
      evaluationFrequency: 'PT5M'
      windowSize: 'PT15M'
      autoMitigate: true
      criteria: {
        allOf: [
          {
            query: alert.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: alert.threshold
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: {
        actionGroups: [actionGroup.id]
      }
    }
  }
]

// A standard availability test: /api/health answers 200 only while the app runs and storage answers (it is anonymous
// in App Service Authentication). Three regions every five minutes; the alert fires when two of them fail.
resource healthTest 'Microsoft.Insights/webtests@2022-06-15' = {
  name: '${namePrefix}-health'
  location: location
  tags: union(tags ?? {}, { 'hidden-link:${applicationInsightsResourceId}': 'Resource' })
  kind: 'standard'
  properties: {
    SyntheticMonitorId: '${namePrefix}-health'
    Name: 'GET /api/health'
    Description: 'The app runs and Table Storage answers (docs/deploy.md, "At 3 a.m.").'
    Enabled: true
    Frequency: 300
    Timeout: 30
    Kind: 'standard'
    RetryEnabled: true
    Locations: [for id in availabilityLocations: { Id: id }]
    Request: {
      RequestUrl: 'https://${functionAppHostName}/api/health'
      HttpVerb: 'GET'
      ParseDependentRequests: false
    }
    ValidationRules: {
      ExpectedHttpStatusCode: 200
      SSLCheck: true
      SSLCertRemainingLifetimeCheck: 7
    }
  }
}

resource availabilityAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${namePrefix}-health-unavailable'
  location: 'global'
  tags: union(tags ?? {}, { 'hidden-link:${applicationInsightsResourceId}': 'Resource', 'hidden-link:${healthTest.id}': 'Resource' })
  properties: {
    description: '/api/health failed from two or more regions (docs/deploy.md, "At 3 a.m.").'
    severity: 1
    enabled: true
    scopes: [healthTest.id, applicationInsightsResourceId]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria'
      webTestId: healthTest.id
      componentId: applicationInsightsResourceId
      failedLocationCount: 2
    }
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

@description('The resource ID of the action group.')
output actionGroupResourceId string = actionGroup.id

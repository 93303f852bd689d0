package main

import (
	"encoding/json"
	"fmt"

	"github.com/ucloud/ucloud-sdk-go/services/ucdn"
	"github.com/ucloud/ucloud-sdk-go/ucloud/request"
)

// buildCall fills the SDK's typed request of an action from the job's params (decoded into the request
// struct by field name, as a team's own code would set the fields) and returns the call to make.
func buildCall(client *ucdn.UCDNClient, action string, params map[string]any) (request.Common, func() (any, error), error) {
	switch action {
	case "DescribeNewUcdnPrefetchCacheTask":
		req := client.NewDescribeNewUcdnPrefetchCacheTaskRequest()
		return fill(req, params, func() (any, error) { return client.DescribeNewUcdnPrefetchCacheTask(req) })
	case "DescribeNewUcdnRefreshCacheTask":
		req := client.NewDescribeNewUcdnRefreshCacheTaskRequest()
		return fill(req, params, func() (any, error) { return client.DescribeNewUcdnRefreshCacheTask(req) })
	case "PrefetchNewUcdnDomainCache":
		req := client.NewPrefetchNewUcdnDomainCacheRequest()
		return fill(req, params, func() (any, error) { return client.PrefetchNewUcdnDomainCache(req) })
	case "RefreshNewUcdnDomainCache":
		req := client.NewRefreshNewUcdnDomainCacheRequest()
		return fill(req, params, func() (any, error) { return client.RefreshNewUcdnDomainCache(req) })
	case "GetUcdnDomainPrefetchRefreshState":
		req := client.NewGetUcdnDomainPrefetchRefreshStateRequest()
		return fill(req, params, func() (any, error) { return client.GetUcdnDomainPrefetchRefreshState(req) })
	case "GetUcdnDomainPrefetchEnable":
		req := client.NewGetUcdnDomainPrefetchEnableRequest()
		return fill(req, params, func() (any, error) { return client.GetUcdnDomainPrefetchEnable(req) })
	default:
		return nil, nil, fmt.Errorf("the Go client knows no action %q", action)
	}
}

func fill[R request.Common](req R, params map[string]any, call func() (any, error)) (request.Common, func() (any, error), error) {
	raw, err := json.Marshal(params)
	if err != nil {
		return nil, nil, err
	}
	if err := json.Unmarshal(raw, req); err != nil {
		return nil, nil, fmt.Errorf("params do not fit the request: %w", err)
	}
	return req, call, nil
}
